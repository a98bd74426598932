namespace Shop.DevStack;

/// <summary>Where one stack keeps its data, logs, PID files and generated secrets.</summary>
public sealed record StackPaths(string Root)
{
    public string Data => Path.Combine(Root, "data");

    public string Logs => Path.Combine(Root, "logs");

    public string Run => Path.Combine(Root, "run");

    public string Secrets => Path.Combine(Root, "secrets");

    public string DataFor(string component) => Path.Combine(Data, component);
}
