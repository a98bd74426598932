using System.Net;
using Shop.Access;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>Every row of the access table, called with no token, a customer's and an admin's, against echoing upstreams.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class AccessRowTests(ObservedGateway observed)
{
    public static TheoryData<string, string, string> Rows()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var rule in AccessTable.Rules)
        {
            foreach (var caller in new[] { "none", "customer", "admin" })
            {
                rows.Add(rule.Method, rule.Template, caller);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_row_answers_by_its_access_level(string method, string template, string caller)
    {
        var rule = Samples.Rule(method, template);
        var (token, claims) = caller switch
        {
            "customer" => (observed.CustomerToken, observed.Customer),
            "admin" => (observed.AdminToken, observed.Admin),
            _ => ((string?)null, (TestTokens.Claims?)null),
        };
        var target = Samples.Path(template) + "?page=1&q=a%2Fb";
        var correlationId = GatewayClient.NewCorrelationId();

        using var response = await observed.Client.SendAsync(GatewayClient.Request(new HttpMethod(method), target, token, correlationId));

        var expected = (HttpStatusCode)(Samples.Refusal(rule, caller) ?? 200);
        if (expected != HttpStatusCode.OK)
        {
            await GatewayClient.ProblemAsync(response, expected);
            Assert.DoesNotContain(observed.Upstreams, upstream => upstream.HasReceived(correlationId));
            if (expected == HttpStatusCode.Unauthorized)
            {
                Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            }

            return;
        }

        if (rule.Service == "gateway")
        {
            // `/stats` and `/admin` are answered by the gateway itself (tests/Analytics.Tests covers what they say),
            // never forwarded; for `/stats` it asks each service for its totals under the same correlation id.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(
                observed.Upstreams.SelectMany(upstream => upstream.Received),
                request => request.Header("X-Correlation-Id") == correlationId && request.Target != "/internal/stats");
            return;
        }

        if (template == "/.well-known/jwks.json")
        {
            // The auth stand-in answers this route with the real key set instead of an echo.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(observed.Key.Kid, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            return;
        }

        var echo = await GatewayClient.EchoAsync(response);
        Assert.True(observed.IsUpstreamOf(rule.Service, echo.Upstream), $"{method} {template} reached {echo.Upstream}");
        Assert.Equal(method, echo.Method);
        Assert.Equal(target, echo.Target);
        Assert.Equal(correlationId, echo.Header("X-Correlation-Id"));
        Assert.Equal(claims?.Subject, echo.Header("X-User-Id"));
        Assert.Equal(claims?.Email, echo.Header("X-User-Email"));
        Assert.Equal(claims is null ? null : string.Join(',', claims.Roles), echo.Header("X-User-Roles"));
        Assert.Equal(token is null ? null : $"Bearer {token}", echo.Header("Authorization"));
    }
}
