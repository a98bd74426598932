using Shop.DevStack;
using Xunit;

namespace Shop.Testing;

/// <summary>
/// One whole local stack (servers, services, gateway) shared by the tests of a collection, stopped and deleted
/// afterwards so no process outlives the test run. Derive to pass settings such as a short cart-reminder delay.
/// </summary>
public class StackFixture : IAsyncLifetime
{
    private LocalStack? stack;

    public LocalStack Stack => stack ?? throw new InvalidOperationException("The stack has not started.");

    public MailSinkClient Mail { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    protected virtual int Replicas => 1;

    protected virtual IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        stack = TestStacks.Create(Replicas, Environment);
        try
        {
            await stack.StartAsync();
        }
        catch
        {
            await stack.StopAsync();
            throw;
        }

        Mail = new MailSinkClient(new Uri(stack.Mail.WebUrl));
        Gateway = new HttpClient { BaseAddress = new Uri(stack.Gateway.Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Mail?.Dispose();
        if (stack is not null)
        {
            await stack.StopAsync();
            TryDelete(stack.Paths.Root);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process may still be flushing its log; ./shop test removes the folder at the end.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
