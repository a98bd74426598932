using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shop.ServiceDefaults.Authentication;

namespace Shop.Gateway.Benchmarks;

/// <summary>
/// The one upstream every variant is measured in front of: `GET /product` answers a fixed first page of the catalogue
/// (the shape contract.md gives it), and the same process plays auth's JWKS so the gateway can check a real ES256 token.
/// </summary>
internal sealed class FixedUpstream : IAsyncDisposable
{
    private readonly ECDsa signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string kid = Guid.NewGuid().ToString("N")[..12];
    private readonly byte[] page = JsonSerializer.SerializeToUtf8Bytes(new
    {
        items = Enumerable.Range(1, 3).Select(index => new
        {
            id = Guid.CreateVersion7(),
            name = $"Product {index}",
            description = "A fixed product for the gateway benchmark.",
            price = 9.99m * index,
            stock = 10 * index,
            createdAt = DateTimeOffset.UnixEpoch,
            updatedAt = DateTimeOffset.UnixEpoch,
        }),
        page = 1,
        pageSize = 20,
        total = 3,
    });

    private WebApplication? app;

    public FixedUpstream(int port) => Url = $"http://127.0.0.1:{port}";

    public string Url { get; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Url);
        app = builder.Build();
        var jwks = Jwks();
        app.MapGet("/product", (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(page).AsTask();
        });
        app.MapGet("/health", () => Results.Ok());
        app.MapGet("/.well-known/jwks.json", () => Results.Text(jwks, "application/json"));
        app.MapGet("/internal/revocations", () => Results.Json(new { cursor = DateTimeOffset.UtcNow, signIns = Array.Empty<string>(), users = Array.Empty<object>() }));
        await app.StartAsync();
    }

    /// <summary>A customer's access token as auth issues it, signed with the key this upstream publishes.</summary>
    public string MintToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = ShopTokens.Issuer,
        Audience = ShopTokens.Audience,
        Expires = DateTime.UtcNow.AddMinutes(15),
        Claims = new Dictionary<string, object>
        {
            [ShopTokens.SubjectClaim] = Guid.NewGuid().ToString(),
            [ShopTokens.EmailClaim] = "bench@example.test",
            [ShopTokens.RoleClaim] = new[] { ShopTokens.CustomerRole },
            ["jti"] = Guid.NewGuid().ToString(),
        },
        SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signingKey) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        signingKey.Dispose();
    }

    private string Jwks()
    {
        var point = signingKey.ExportParameters(includePrivateParameters: false).Q;
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid, x = Base64UrlEncoder.Encode(point.X), y = Base64UrlEncoder.Encode(point.Y) },
            },
        });
    }
}
