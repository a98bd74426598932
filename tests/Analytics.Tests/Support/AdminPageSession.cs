using Microsoft.Playwright;
using Shop.Testing;

namespace Shop.Analytics.Tests.Support;

/// <summary>The `/admin` page in its own browser context, with every script error and CSP violation recorded.</summary>
public sealed class AdminPageSession : IAsyncDisposable
{
    // Runs before the page's own script: a page that needs something its CSP blocks shows up here.
    private const string RecordViolations =
        "window.__cspViolations = [];" +
        "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly IBrowserContext context;
    private readonly List<string> errors = [];

    private AdminPageSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Under the test output directory (bin/&lt;configuration&gt;/net10.0/screenshots), replaced on every run.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<AdminPageSession> OpenAsync(Chromium browser, Uri gateway)
    {
        var context = await browser.NewContextAsync(gateway);
        await context.AddInitScriptAsync(RecordViolations);
        var session = new AdminPageSession(context, await context.NewPageAsync());
        var response = await session.Page.GotoAsync("/admin");
        Assert.Equal(200, response?.Status);
        await session.Page.Locator("#email").WaitForAsync();
        return session;
    }

    public ILocator Element(string id) => Page.Locator("#" + id);

    /// <summary>Types the address and asks for a code; the code form appears.</summary>
    public async Task RequestCodeAsync(string email)
    {
        await Element("email").FillAsync(email);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
    }

    /// <summary>Signs in as a user would: address, code from the mail, code typed in.</summary>
    public async Task SignInAsync(string email, MailSinkClient mail)
    {
        var code = await GatewaySignIn.CodeMailedAfterAsync(mail, email, async () =>
        {
            await RequestCodeAsync(email);
            await Element("code").WaitForAsync();
        });
        await Element("code").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Element("who-email").WaitForAsync();
    }

    /// <summary>The element's text (textContent: the chart's counts are SVG text, which has no innerText).</summary>
    public async Task<string> TextAsync(string id) => await Element(id).TextContentAsync() ?? string.Empty;

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>The page ran without a script error and without anything its Content-Security-Policy refused.</summary>
    public async Task AssertCleanAsync()
    {
        Assert.Empty(errors);
        Assert.Empty(await Page.EvaluateAsync<string[]>("() => window.__cspViolations"));
    }

    /// <summary>True when the element holds exactly one text node (no element was parsed out of a value).</summary>
    public Task<bool> HoldsOnlyTextAsync(string id) =>
        Page.EvaluateAsync<bool>("id => { const e = document.getElementById(id); return e.childNodes.length === 1 && e.firstChild.nodeType === Node.TEXT_NODE; }", id);

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
