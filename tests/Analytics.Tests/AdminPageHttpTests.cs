using System.Net;
using System.Text.RegularExpressions;

namespace Shop.Analytics.Tests;

/// <summary>`GET /admin` and its two files: same-origin only, a strict CSP, nothing cached, no HTML built from data.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed partial class AdminPageHttpTests(AnalyticsStack stack)
{
    [Theory]
    [InlineData("/admin", "text/html")]
    [InlineData("/admin/admin.js", "text/javascript")]
    [InlineData("/admin/admin.css", "text/css")]
    public async Task The_page_and_its_files_are_served_anonymously_with_strict_headers(string path, string mediaType)
    {
        using var response = await stack.Api().HttpGetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");

        var policy = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("'none'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'none'", policy["base-uri"]);
        Assert.DoesNotContain(policy.Values, value => value.Contains("unsafe", StringComparison.Ordinal) || value.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_has_no_inline_script_or_style_and_loads_nothing_from_elsewhere()
    {
        var html = await stack.Api().HttpGetStringAsync("/admin");

        Assert.Matches(@"<script src=""/admin/admin\.js"" defer></script>", html);
        Assert.DoesNotMatch(@"<script(?![^>]*\ssrc=)", html);
        Assert.DoesNotMatch(@"\sstyle=|<style|\son[a-z]+=", html);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
    }

    [Fact]
    public async Task The_script_never_parses_data_as_html_and_never_stores_the_token()
    {
        var script = await stack.Api().HttpGetStringAsync("/admin/admin.js");

        Assert.Empty(Sinks().Matches(script));
        Assert.Contains("textContent", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/other.js")]
    [InlineData("/admin/admin.js/x")]
    [InlineData("/ADMIN")]
    public async Task Nothing_else_under_admin_is_served(string path)
    {
        using var response = await stack.Api().HttpGetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : string.Empty);

    // What would turn text into markup or keep the token beyond the tab: none of it belongs in the page's script.
    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|localStorage|sessionStorage|document\.cookie|indexedDB")]
    private static partial Regex Sinks();
}
