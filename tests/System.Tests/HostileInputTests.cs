using Shop.Access;
using Shop.SystemTests.Hostile;
using Shop.SystemTests.Support;

namespace Shop.SystemTests;

/// <summary>
/// Generated hostile requests against every public route, through the gateway: no 5xx, no success without the
/// right credentials, no other user's data, ProblemDetails for every error, and the data unchanged by every refusal.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HostileInputTests(SystemStack stack)
{
    [Fact]
    public async Task Generated_hostile_requests_are_refused_or_harmless_and_leave_the_data_unchanged()
    {
        var world = await HostileWorld.CreateAsync(stack);
        var cases = HostileCases.Generate(world);
        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        var uncovered = AccessTable.Rules
            .Where(rule => rule.Service != "gateway")
            .Where(rule => !cases.Any(hostile => AccessTable.Match(hostile.Method, hostile.Target) == rule))
            .Select(rule => $"{rule.Method} {rule.Template}");
        Assert.Empty(uncovered);

        var failures = await new HostileRunner(world).RunAsync(cases);

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s) in {cases.Count} cases:\n\n{string.Join("\n\n", failures.Take(60))}");
    }

    [Fact]
    public async Task A_json_property_name_with_newlines_never_forges_a_log_line()
    {
        var admin = await stack.AdminAsync();
        var body = $"{{\"email\\n{BodyCases.ForgedLogLine}\":\"a@b.test\",\"name\\r\\n{BodyCases.ForgedLogLine}\":1}}";
        foreach (var (path, token) in new[] { ("/auth/login", (string?)null), ("/product", admin.Tokens.AccessToken) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(stack.GatewayUrl, path)) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (token is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await stack.Gateway.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        }

        foreach (var service in new[] { Shop.DevStack.ShopProject.Auth, Shop.DevStack.ShopProject.Products, Shop.DevStack.ShopProject.Gateway })
        {
            var instance = service == Shop.DevStack.ShopProject.Gateway ? stack.Stack.Gateway : stack.Stack.Service(service);
            await using var file = new FileStream(instance.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(file);
            var forged = (await reader.ReadToEndAsync()).Split('\n')
                .Where(line => line.TrimStart().StartsWith(BodyCases.ForgedLogLine, StringComparison.Ordinal))
                .ToList();
            Assert.True(forged.Count == 0, $"{service.Name}: {forged.Count} forged line(s), e.g. {forged.FirstOrDefault()}");
        }
    }
}
