using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Shop.Gateway.Extensions;

namespace Shop.Gateway.Security;

/// <summary>
/// Reads auth's internal revocation list (`/internal/revocations`, never routed to the outside) every
/// <see cref="GatewayOptions.RevocationPollInterval"/>, passing back the cursor auth gave, so a quiet second costs one
/// small request and an empty answer. Independent of the messaging layer: every gateway replica asks on its own.
/// </summary>
internal sealed partial class RevocationPoller(
    IHttpClientFactory httpClients,
    RevocationList revocations,
    IOptions<GatewayOptions> options,
    ILogger<RevocationPoller> logger) : BackgroundService
{
    public const string HttpClientName = "auth-revocations";
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? cursor = null;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                cursor = await ReadAsync(cursor, stoppingToken);
                if (failing)
                {
                    LogRecovered();
                    failing = false;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (unreachable, timeout, an answer of another shape), the poller must keep polling.
                // Logged once per outage, not every second; the list goes stale and signed-in requests get 503 meanwhile.
                if (!failing)
                {
                    LogFailing(exception.Message, options.Value.RevocationMaxStaleness);
                    failing = true;
                }
            }

            await Task.Delay(options.Value.RevocationPollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<string> ReadAsync(string? cursor, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ReadTimeout);
        var uri = cursor is null ? "http://auth/internal/revocations" : $"http://auth/internal/revocations?since={Uri.EscapeDataString(cursor)}";
        using var answer = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri(uri), timeout.Token);
        answer.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await answer.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
        var root = document.RootElement;
        revocations.Apply(
            root.GetProperty("signIns").EnumerateArray().Select(sid => sid.GetString()!).ToList(),
            root.GetProperty("users").EnumerateArray()
                .Select(user => (user.GetProperty("userId").GetString()!, user.GetProperty("rolesVersion").GetInt32()))
                .ToList());
        return root.GetProperty("cursor").GetDateTimeOffset().ToString("O", CultureInfo.InvariantCulture);
    }

    [LoggerMessage(LogLevel.Warning, "Cannot read auth's token revocations ({Reason}); signed-in requests get 503 once the list is older than {MaxStaleness}")]
    private partial void LogFailing(string reason, TimeSpan maxStaleness);

    [LoggerMessage(LogLevel.Information, "Reading auth's token revocations again")]
    private partial void LogRecovered();
}
