using System.Diagnostics;
using System.Net;
using Shop.Gateway.Tests.Infrastructure;
using Shop.Testing;

namespace Shop.Gateway.Tests;

/// <summary>Local JWT validation at the gateway: every way a token can be wrong is 401, and key rotation works both ways.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class TokenTests(ObservedGateway observed)
{
    private const string UserRoute = "/cart";
    private const string AdminRoute = "/product";

    public static TheoryData<string> BadTokens => new()
    {
        "forged", "tampered", "expired", "not yet valid", "no expiry", "wrong audience", "wrong issuer",
        "alg none", "HS256", "RS256", "unknown kid", "garbage", "empty", "unknown crit header",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_on_a_user_route_and_never_forwarded(string kind)
    {
        var correlationId = GatewayClient.NewCorrelationId();

        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, UserRoute, BadToken(kind), correlationId));

        await GatewayClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(observed.Upstreams, upstream => upstream.HasReceived(correlationId));
    }

    [Fact]
    public async Task Other_schemes_than_bearer_are_401()
    {
        using var request = GatewayClient.Request(HttpMethod.Get, UserRoute);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");

        using var response = await observed.Client.SendAsync(request);

        await GatewayClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_customer_who_rewrites_its_roles_to_admin_is_401_not_admin()
    {
        var escalated = TestTokens.WithPayload(observed.CustomerToken, observed.Customer with { Roles = ["customer", "admin"] });

        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Post, AdminRoute, escalated));

        await GatewayClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_one_character_off_a_cached_valid_one_is_401()
    {
        var token = TestTokens.Mint(observed.Key, observed.Customer, expires: DateTime.UtcNow.AddMinutes(5));
        using (var accepted = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, UserRoute, token)))
        {
            Assert.Equal(observed.Customer.Subject, (await GatewayClient.EchoAsync(accepted)).Header("X-User-Id"));
        }

        // Inside the signature: its last character also carries padding bits a decoder may ignore.
        var changed = token[^10] == 'A' ? 'B' : 'A';
        foreach (var near in new[] { token[..^10] + changed + token[^9..], token[..^1], token + "A" })
        {
            using var refused = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, UserRoute, near));
            await GatewayClient.ProblemAsync(refused, HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_is_still_accepted()
    {
        var token = TestTokens.Mint(observed.Key, observed.Customer, expires: DateTime.UtcNow.AddSeconds(-5));

        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, UserRoute, token));

        Assert.Equal(observed.Customer.Subject, (await GatewayClient.EchoAsync(response)).Header("X-User-Id"));
    }

    [Fact]
    public async Task A_bad_token_on_an_anonymous_route_is_ignored_and_the_caller_is_anonymous()
    {
        var forged = BadToken("forged");

        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product", forged));

        var echo = await GatewayClient.EchoAsync(response);
        Assert.DoesNotContain(echo.HeaderNames, name => name.StartsWith("X-User-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_token_signed_with_a_newly_published_key_is_accepted_and_a_withdrawn_key_stops_working()
    {
        var rotated = observed.Keys.Publish();
        var rotatedToken = TestTokens.Mint(rotated, observed.Customer);

        // The gateway refetches the JWKS for an unknown kid, at most once per MinKeyFetchInterval (5 s).
        await Eventually.GetAsync(() => StatusAsync(rotatedToken), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "token with the rotated key");

        observed.Keys.Withdraw(rotated);
        var next = observed.Keys.Publish();
        var nextToken = TestTokens.Mint(next, observed.Customer);
        await Eventually.GetAsync(() => StatusAsync(nextToken), status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "token with the next key");

        // The refetch that brought the next key also dropped the withdrawn one, even for a token validated before.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(rotatedToken));
        observed.Keys.Withdraw(next);
    }

    [Fact]
    public async Task Unknown_kids_do_not_make_the_gateway_refetch_on_every_request()
    {
        var before = observed.Auth.JwksFetches;
        var clock = Stopwatch.StartNew();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            statuses.Add(await StatusAsync(TestTokens.Mint(TestSigningKeys.Create(), observed.Customer)));
        }

        var allowed = 2 + (int)(clock.Elapsed.TotalSeconds / 5);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.InRange(observed.Auth.JwksFetches - before, 0, allowed);
    }

    private async Task<HttpStatusCode> StatusAsync(string token)
    {
        using var response = await observed.Client.SendAsync(GatewayClient.Request(HttpMethod.Get, UserRoute, token));
        return response.StatusCode;
    }

    private string BadToken(string kind)
    {
        var customer = observed.Customer;
        var kid = observed.Key.Kid;
        return kind switch
        {
            "forged" => TestTokens.Mint(TestSigningKeys.Create() with { Kid = kid }, customer),
            "tampered" => TestTokens.WithPayload(observed.CustomerToken, customer with { Subject = Guid.NewGuid().ToString() }),
            "expired" => TestTokens.Mint(observed.Key, customer, expires: DateTime.UtcNow.AddMinutes(-2)),
            "not yet valid" => TestTokens.Mint(observed.Key, customer, notBefore: DateTime.UtcNow.AddMinutes(5), expires: DateTime.UtcNow.AddMinutes(20)),
            "no expiry" => TestTokens.Mint(observed.Key, customer, withExpiry: false),
            "wrong audience" => TestTokens.Mint(observed.Key, customer, audience: "another-api"),
            "wrong issuer" => TestTokens.Mint(observed.Key, customer, issuer: "https://evil.example"),
            "alg none" => TestTokens.Unsigned(observed.CustomerToken, kid),
            "HS256" => TestTokens.MintWith(kid, TestTokens.Hmac(), customer),
            "RS256" => TestTokens.MintWith(kid, TestTokens.Rsa(), customer),
            "unknown kid" => TestTokens.Mint(TestSigningKeys.Create(), customer),
            "garbage" => "not-a-jwt",
            "unknown crit header" => TestTokens.Mint(observed.Key, customer, header: new Dictionary<string, object>
            {
                ["crit"] = new[] { "x-shop-unheard-of" },
                ["x-shop-unheard-of"] = true,
            }),
            "empty" => string.Empty,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
