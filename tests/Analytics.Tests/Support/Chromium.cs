using Microsoft.Playwright;

namespace Shop.Analytics.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver (offline: no browser download), started on first use
/// and shared by a collection. A browser that is missing or cannot start fails the test at once with what to do.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim starting = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>A fresh context (own storage, no cookies) with short timeouts: a broken page fails instead of hanging.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl)
    {
        var context = await (await StartAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 900, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(20_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        starting.Dispose();
    }

    private async Task<IBrowser> StartAsync()
    {
        await starting.WaitAsync();
        try
        {
            return browser ??= await LaunchAsync();
        }
        finally
        {
            starting.Release();
        }
    }

    private async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's Chromium (`apt-get install -y chromium`; `./shop test` does it).");
        }

        try
        {
            playwright ??= await Playwright.CreateAsync();
            return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
        }
        catch (PlaywrightException exception)
        {
            throw new InvalidOperationException($"Chromium ({ExecutablePath}) did not start under Playwright: {exception.Message}", exception);
        }
    }
}
