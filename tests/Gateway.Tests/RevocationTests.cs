using System.Diagnostics;
using System.Net;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>Two gateway replicas in front of one auth stand-in whose revocation list the tests change.</summary>
public sealed class ReplicatedGateways : IAsyncLifetime
{
    public TestSigningKeys Keys { get; } = new();

    public SigningKey Key { get; private set; } = null!;

    public TestUpstream Upstream { get; private set; } = null!;

    public IReadOnlyList<GatewayProcess> Gateways { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Key = Keys.Publish();
        Upstream = new TestUpstream("auth", Keys);
        await Upstream.StartAsync();
        var services = new Dictionary<string, IReadOnlyList<string>> { ["auth"] = [Upstream.Url], ["products"] = [Upstream.Url], ["orders"] = [Upstream.Url] };
        var settings = new Dictionary<string, string?>
        {
            ["Gateway__RevocationPollInterval"] = "00:00:00.250",
            ["Gateway__RevocationMaxStaleness"] = "00:00:02",
        };
        Gateways = [new GatewayProcess("gateway-r1", services, settings), new GatewayProcess("gateway-r2", services, settings)];
        await Task.WhenAll(Gateways.Select(gateway => gateway.StartAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }
    }
}

/// <summary>Revocation reaches every gateway replica within 5 seconds, and an unreadable list fails closed.</summary>
public sealed class RevocationTests(ReplicatedGateways replicas) : IClassFixture<ReplicatedGateways>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_revoked_sign_in_is_refused_by_every_replica_within_5_seconds()
    {
        var sid = Guid.NewGuid().ToString();
        var revoked = TestTokens.Mint(replicas.Key, TestTokens.Claims.Customer() with { SessionId = sid, RolesVersion = 0 });
        var other = TestTokens.Mint(replicas.Key, TestTokens.Claims.Customer() with { SessionId = Guid.NewGuid().ToString(), RolesVersion = 0 });
        await AssertEveryReplicaAsync(revoked, HttpStatusCode.OK);

        replicas.Upstream.RevokedSignIns[sid] = true;

        await AssertEveryReplicaWithinDeadlineAsync(revoked, HttpStatusCode.Unauthorized);
        await AssertEveryReplicaAsync(other, HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_role_change_older_tokens_are_refused_and_newer_ones_pass()
    {
        var user = TestTokens.Claims.Admin() with { SessionId = Guid.NewGuid().ToString() };
        var before = TestTokens.Mint(replicas.Key, user with { RolesVersion = 0 });
        var after = TestTokens.Mint(replicas.Key, user with { Roles = ["customer"], RolesVersion = 1 });
        await AssertEveryReplicaAsync(before, HttpStatusCode.OK);

        replicas.Upstream.ChangedRoles[user.Subject] = 1;

        await AssertEveryReplicaWithinDeadlineAsync(before, HttpStatusCode.Unauthorized);
        await AssertEveryReplicaAsync(after, HttpStatusCode.OK);
    }

    [Fact]
    public async Task When_auth_cannot_be_read_signed_in_requests_are_503_and_anonymous_ones_pass()
    {
        var token = TestTokens.Mint(replicas.Key, TestTokens.Claims.Customer() with { SessionId = Guid.NewGuid().ToString() });
        replicas.Upstream.RevocationsReadable = false;
        try
        {
            await AssertEveryReplicaWithinDeadlineAsync(token, HttpStatusCode.ServiceUnavailable);
            foreach (var gateway in replicas.Gateways)
            {
                using var client = GatewayClient.Create(gateway.Url);
                using var anonymous = await client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/product"));
                Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
            }
        }
        finally
        {
            replicas.Upstream.RevocationsReadable = true;
        }

        await AssertEveryReplicaWithinDeadlineAsync(token, HttpStatusCode.OK);
    }

    private async Task AssertEveryReplicaAsync(string token, HttpStatusCode expected)
    {
        foreach (var gateway in replicas.Gateways)
        {
            Assert.Equal(expected, await StatusAsync(gateway, token));
        }
    }

    private async Task AssertEveryReplicaWithinDeadlineAsync(string token, HttpStatusCode expected)
    {
        var clock = Stopwatch.StartNew();
        foreach (var gateway in replicas.Gateways)
        {
            HttpStatusCode status;
            while ((status = await StatusAsync(gateway, token)) != expected && clock.Elapsed < Deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(status == expected, $"{gateway.Url}: still {(int)status} after {clock.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayProcess gateway, string token)
    {
        using var client = GatewayClient.Create(gateway.Url);
        using var response = await client.SendAsync(GatewayClient.Request(HttpMethod.Get, "/cart", token));
        return response.StatusCode;
    }
}
