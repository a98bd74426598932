using Microsoft.Extensions.Options;
using Shop.Gateway.Correlation;

namespace Shop.Gateway.Analytics;

/// <summary>
/// Asks auth, products, orders and notifications for their `/internal/stats` at once (through service discovery)
/// and puts the answers together. A service that is not configured, refuses, fails, is slower than
/// <see cref="AnalyticsOptions.ServiceTimeout"/> or answers anything but its totals leaves only its own part null.
/// </summary>
internal sealed partial class StatsCollector(
    IHttpClientFactory httpClients,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<StatsCollector> logger)
{
    public const string HttpClientName = "analytics";

    /// <summary>
    /// A refused connection or a 5xx is retried at once (within the same deadline); service discovery hands each
    /// attempt the next replica. The standard resilience handler is off for this client: its back-off would outlast the deadline.
    /// </summary>
    private const int MaxAttempts = 3;

    /// <param name="correlationId">The `/stats` request's, sent on to every service asked so their logs join it.</param>
    public async Task<ShopStats> CollectAsync(string correlationId, CancellationToken cancellationToken)
    {
        var users = FetchAsync<UserTotals>("auth", correlationId, cancellationToken);
        var catalogue = FetchAsync<CatalogueTotals>("products", correlationId, cancellationToken);
        var orders = FetchAsync<OrderTotals>("orders", correlationId, cancellationToken);
        var mails = FetchAsync<MailTotals>("notifications", correlationId, cancellationToken);
        await Task.WhenAll(users, catalogue, orders, mails);
        return ShopStats.From(await users, await catalogue, await orders, await mails, time.GetUtcNow());
    }

    private async Task<T?> FetchAsync<T>(string service, string correlationId, CancellationToken cancellationToken)
        where T : class, IServiceTotals
    {
        var timeout = options.Value.ServiceTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var http = httpClients.CreateClient(HttpClientName);
        var failure = string.Empty;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{service}/internal/stats"));
                request.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.Header, correlationId);
                using var response = await http.SendAsync(request, deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    var totals = ServiceAnswers.TryRead<T>(await response.Content.ReadAsByteArrayAsync(deadline.Token));
                    if (totals is null)
                    {
                        LogNoAnswer(service, "its answer is not its totals");
                    }

                    return totals;
                }

                failure = $"HTTP {(int)response.StatusCode}";
                if ((int)response.StatusCode < 500)
                {
                    break;
                }
            }
            catch (HttpRequestException exception)
            {
                failure = exception.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = $"no answer within {timeout.TotalSeconds:0.###} s";
                break;
            }
        }

        LogNoAnswer(service, failure);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET /stats: the {Service} part is null: {Reason}.")]
    private partial void LogNoAnswer(string service, string reason);
}
