using Shop.DevStack;
using Shop.Testing;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>The built gateway run as its own process (as DevStack and Aspire run it), wired to the given services.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly ServiceInstance instance;
    private readonly string stateDirectory = TestStacks.NewStateDirectory();

    public GatewayProcess(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> services, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["OTEL_SERVICE_NAME"] = name };
        foreach (var (service, urls) in services)
        {
            for (var index = 0; index < urls.Count; index++)
            {
                environment[$"services__{service}__http__{index}"] = urls[index];
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        instance = new ServiceInstance(
            ShopProject.Gateway, name, Ports.GetFree(), new StackPaths(stateDirectory), TestStacks.RepositoryRoot, TestStacks.Configuration, () => environment);
    }

    public Uri Url => new(instance.Url);

    public string LogFile => instance.LogFile;

    public Task StartAsync() => instance.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await instance.StopAsync();
        try
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // ./shop test removes leftovers under .shop/test.
        }
    }
}
