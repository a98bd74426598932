using System.Net;

namespace Shop.DevStack;

/// <summary>One running copy of a Shop service or the gateway: the built assembly run with `dotnet`, on its own port.</summary>
public sealed class ServiceInstance(
    ShopProject project,
    string instanceName,
    int port,
    StackPaths paths,
    string repositoryRoot,
    string configuration,
    Func<IReadOnlyDictionary<string, string?>> environment)
    : StackComponent(instanceName, port, paths)
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    public ShopProject Project => project;

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Settings for this instance only, applied on its next start (e.g. a rotated signing key, then RestartAsync).</summary>
    public IDictionary<string, string?> EnvironmentOverrides { get; } = new Dictionary<string, string?>();

    /// <summary>When false, StartAsync returns once `/alive` answers (for tests that start a service with a dependency down).</summary>
    public bool WaitForHealthy { get; set; } = true;

    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    protected override string CommandLineMarker => $"--urls {Url}";

    protected override ProcessSpec CreateSpec()
    {
        var assembly = project.AssemblyPath(repositoryRoot, configuration);
        if (!File.Exists(assembly))
        {
            throw new StackException($"{assembly} is missing: build first (`./shop up` and `./shop test` do).");
        }

        return new ProcessSpec(Tools.Require("dotnet", "install the .NET 10 SDK"), [assembly, "--urls", Url])
        {
            LogFile = LogFile,
            WorkingDirectory = Path.GetDirectoryName(assembly),
            Environment = environment().Concat(EnvironmentOverrides).GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Last().Value),
        };
    }

    protected override async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var path = WaitForHealthy ? "/health" : "/alive";
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (!IsRunning)
            {
                throw new StackException($"{Name} exited during startup (log: {LogFile}).");
            }

            if (await AnswersAsync(path, cancellationToken))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new StackException($"{Name} did not answer 200 on {path} within {StartTimeout.TotalSeconds:0} s (log: {LogFile}).");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<bool> AnswersAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Probe.GetAsync(new Uri($"{Url}{path}"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
