using System.Globalization;
using Microsoft.Playwright;
using Shop.Analytics.Tests.Support;

namespace Shop.Analytics.Tests;

/// <summary>The `/admin` page in Debian's Chromium against the real stack: sign-in by mailed code, live totals, refusal.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class AdminPageBrowserTests(AnalyticsStack stack)
{
    private static readonly string[] ShownValues = ["users", "verified-users", "products", "revenue", "mails-sent", "orders-confirmed", "who-email"];

    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task An_admin_signs_in_with_the_mailed_code_and_sees_a_new_confirmed_order_and_its_revenue()
    {
        await using var page = await AdminPageSession.OpenAsync(stack.Browser, stack.Api().BaseAddress);
        await page.SignInAsync(AnalyticsStack.PageAdminEmail, stack.Mail);
        await Assertions.Expect(page.Element("users")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,]+$"), Live);
        var confirmedBefore = Number(await page.TextAsync("orders-confirmed"));
        var revenueBefore = Number(await page.TextAsync("revenue"));

        var admin = await stack.AdminAsync();
        var lamp = await admin.CreateProductAsync("Analytics lamp", 19.99m, stock: 3);
        var customer = stack.Api(await stack.TokenAsync(AnalyticsStack.NewEmail("page-buyer")));
        var order = await customer.PlaceOrderAsync((lamp, 2));
        Assert.Equal("confirmed", await customer.SettledStatusAsync(order.Id));

        // The page refreshes on its own: no reload, no click.
        await Assertions.Expect(page.Element("orders-confirmed")).ToHaveTextAsync(Format(confirmedBefore + 1, "#,##0"), Live);
        await Assertions.Expect(page.Element("revenue")).ToHaveTextAsync(Format(revenueBefore + order.Total, "#,##0.00"), Live);
        Assert.Equal(AnalyticsStack.PageAdminEmail, await page.TextAsync("who-email"));
        Assert.True(await page.Element("refusal").IsHiddenAsync());
        foreach (var id in ShownValues)
        {
            Assert.True(await page.HoldsOnlyTextAsync(id), $"#{id} holds something other than one text node");
        }

        // The tokens stayed in the script's memory: nothing in web storage or cookies.
        Assert.True(await page.Page.EvaluateAsync<bool>("() => localStorage.length === 0 && sessionStorage.length === 0 && document.cookie === ''"));
        Assert.Empty(await page.Page.Context.CookiesAsync());
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("admin-dashboard");
    }

    [Fact]
    public async Task A_customer_is_told_the_totals_are_for_administrators_and_sees_no_totals()
    {
        // Characters an HTML parser would decode (`&lt`, `&amp`) show that the address is set as text.
        var email = $"o'brien&lt&amp{{x}}-{Guid.NewGuid():N}@analytics.test";
        await using var page = await AdminPageSession.OpenAsync(stack.Browser, stack.Api().BaseAddress);

        await page.SignInAsync(email, stack.Mail);

        await Assertions.Expect(page.Element("refusal")).ToBeVisibleAsync();
        await Assertions.Expect(page.Element("refusal")).ToContainTextAsync("not an administrator account");
        Assert.True(await page.Element("dashboard").IsHiddenAsync());
        Assert.Equal(string.Empty, await page.Element("users").TextContentAsync());
        Assert.Equal(email, await page.TextAsync("refused-email"));
        Assert.True(await page.HoldsOnlyTextAsync("refused-email"));
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("admin-refused");
    }

    [Fact]
    public async Task Markup_typed_into_the_page_is_shown_as_text_and_never_runs()
    {
        const string Typed = "<img src=x onerror=\"window.__injected=1\">@analytics.test";
        await using var page = await AdminPageSession.OpenAsync(stack.Browser, stack.Api().BaseAddress);

        await page.RequestCodeAsync(Typed);

        // Auth refuses the address (400) and the page repeats it in its message.
        await Assertions.Expect(page.Element("sign-in-error")).ToContainTextAsync(Typed);
        Assert.True(await page.HoldsOnlyTextAsync("sign-in-error"));
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        Assert.Null(await page.Page.EvaluateAsync<int?>("() => window.__injected ?? null"));
        await page.AssertCleanAsync();
        await page.ScreenshotAsync("admin-escaped");
    }

    private static decimal Number(string shown) => decimal.Parse(shown, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Format(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
