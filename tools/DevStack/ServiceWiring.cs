namespace Shop.DevStack;

/// <summary>
/// Which resources each project references: the same graph as AppHost/Program.cs, turned into the
/// environment variables Aspire would inject (contract.md section 2).
/// </summary>
public static class ServiceWiring
{
    private sealed record Needs(string? Database = null, bool Nats = false, bool Storage = false, bool Mail = false, bool SigningKey = false, ShopProject[]? Services = null);

    private static readonly Dictionary<ShopProject, Needs> Graph = new()
    {
        [ShopProject.Auth] = new("authdb", Nats: true, Storage: true, SigningKey: true),
        [ShopProject.Products] = new("productsdb", Nats: true, Services: [ShopProject.Auth]),
        [ShopProject.Orders] = new("ordersdb", Nats: true, Services: [ShopProject.Auth, ShopProject.Products]),
        [ShopProject.Notifications] = new("notificationsdb", Nats: true, Mail: true),
        [ShopProject.Gateway] = new(Services: [ShopProject.Auth, ShopProject.Products, ShopProject.Orders, ShopProject.Notifications]),
    };

    public static Dictionary<string, string?> EnvironmentFor(ShopProject project, LocalStack stack)
    {
        var needs = Graph[project];
        var environment = new Dictionary<string, string?>
        {
            ["OTEL_SERVICE_NAME"] = project.Name,
        };

        // Aspire runs projects in Development unless told otherwise; so does the local stack.
        if (Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is null)
        {
            environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        }

        if (needs.Database is { } database)
        {
            environment[$"ConnectionStrings__{database}"] = stack.Postgres.ConnectionString(database);
        }

        if (needs.Nats)
        {
            environment["ConnectionStrings__nats"] = stack.Nats.ConnectionString;
        }

        if (needs.Storage)
        {
            environment["ConnectionStrings__storage"] = stack.Storage.ConnectionString;
        }

        if (needs.Mail)
        {
            environment["ConnectionStrings__mail"] = stack.Mail.ConnectionString;
        }

        if (needs.SigningKey && Environment.GetEnvironmentVariable("Auth__SigningKeys__0") is null)
        {
            environment["Auth__SigningKeys__0"] = stack.Secrets.AuthSigningKey;
        }

        foreach (var service in needs.Services ?? [])
        {
            var instances = stack.Instances[service];
            for (var index = 0; index < instances.Count; index++)
            {
                environment[$"services__{service.Name}__http__{index}"] = instances[index].Url;
            }
        }

        foreach (var (key, value) in stack.Options.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }
}
