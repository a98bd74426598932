namespace Shop.DevStack;

public sealed record StackOptions
{
    public required string RepositoryRoot { get; init; }

    /// <summary>Data, logs, PID files and secrets: `.shop/` for `./shop up`, a private folder per test stack.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Which build of the services to run (bin/&lt;Configuration&gt;/net10.0).</summary>
    public string Configuration { get; init; } = "Debug";

    /// <summary>Instances of each service (not the gateway), each on its own port.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>False for throwaway test stacks: PostgreSQL then skips fsync.</summary>
    public bool Durable { get; init; } = true;

    public required StackPorts Ports { get; init; }

    /// <summary>Extra environment for every service and the gateway (on top of the caller's, which is inherited).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
