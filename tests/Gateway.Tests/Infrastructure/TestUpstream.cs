using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Shop.DevStack;

namespace Shop.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in service the gateway forwards to, run in the test process: it answers every request with what it
/// received (so a test sees exactly what the gateway sent), serves a JWKS and an OpenAPI document when given them,
/// and can be made unhealthy, slow or stopped. The gateway under test is the real built gateway process.
/// </summary>
public sealed class TestUpstream(string name, TestSigningKeys? keys = null, string? openApiDocument = null) : IAsyncDisposable
{
    /// <summary>A request carrying this header is answered only after that many milliseconds.</summary>
    public const string DelayHeader = "X-Test-Delay-Ms";

    private readonly ConcurrentQueue<ReceivedRequest> received = new();
    private WebApplication? app;
    private int jwksFetches;

    public string Name => name;

    public int Port { get; } = Ports.GetFree();

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>False: `/health` answers 503 (the service runs but is not ready).</summary>
    public bool Healthy { get; set; } = true;

    public int JwksFetches => Volatile.Read(ref jwksFetches);

    /// <summary>As auth: the sign-ins (`sid`) `/internal/revocations` lists.</summary>
    public ConcurrentDictionary<string, bool> RevokedSignIns { get; } = new();

    /// <summary>As auth: users whose roles changed, with their new roles version.</summary>
    public ConcurrentDictionary<string, int> ChangedRoles { get; } = new();

    /// <summary>False: `/internal/revocations` answers 503 (auth cannot be read).</summary>
    public bool RevocationsReadable { get; set; } = true;

    public IReadOnlyCollection<ReceivedRequest> Received => received;

    public bool HasReceived(string correlationId) =>
        received.Any(request => request.Header("X-Correlation-Id") == correlationId);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        switch (context.Request.Path.Value)
        {
            case "/health":
                context.Response.StatusCode = Healthy ? 200 : 503;
                return;
            case "/.well-known/jwks.json" when keys is not null:
                Interlocked.Increment(ref jwksFetches);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(keys.Jwks());
                return;
            case "/internal/revocations" when keys is not null:
                // Without this list the gateway refuses every token after a while (fail closed).
                if (!RevocationsReadable)
                {
                    context.Response.StatusCode = 503;
                    return;
                }

                await context.Response.WriteAsJsonAsync(new
                {
                    cursor = DateTimeOffset.UtcNow,
                    signIns = RevokedSignIns.Keys.ToArray(),
                    users = ChangedRoles.Select(user => new { userId = user.Key, rolesVersion = user.Value }).ToArray(),
                });
                return;
            case "/openapi/v1.json":
                context.Response.StatusCode = openApiDocument is null ? 404 : 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(openApiDocument ?? string.Empty);
                return;
        }

        long length = 0;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            length += read;
        }

        var request = new ReceivedRequest(
            name,
            context.Request.Method,
            target,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            length);
        received.Enqueue(request);

        if (int.TryParse(context.Request.Headers[DelayHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(request));
    }
}
