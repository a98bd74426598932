namespace Shop.DevStack;

/// <summary>One of Shop's runnable projects: where it lives and the port `./shop up` gives it by default.</summary>
public sealed record ShopProject(string Name, string ProjectDirectory, string AssemblyName, int DefaultPort)
{
    public static readonly ShopProject Auth = new("auth", "Services/Auth", "Shop.Auth", 5101);
    public static readonly ShopProject Products = new("products", "Services/Products", "Shop.Products", 5102);
    public static readonly ShopProject Orders = new("orders", "Services/Orders", "Shop.Orders", 5103);
    public static readonly ShopProject Notifications = new("notifications", "Services/Notifications", "Shop.Notifications", 5104);
    public static readonly ShopProject Gateway = new("gateway", "Gateway", "Shop.Gateway", 8080);

    public static readonly IReadOnlyList<ShopProject> Services = [Auth, Products, Orders, Notifications];

    public string AssemblyPath(string repositoryRoot, string configuration) =>
        Path.Combine(repositoryRoot, ProjectDirectory, "bin", configuration, "net10.0", AssemblyName + ".dll");
}
