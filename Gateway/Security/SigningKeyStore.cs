using System.Text.Json;
using Microsoft.Extensions.Options;
using Shop.Gateway.Extensions;

namespace Shop.Gateway.Security;

/// <summary>
/// Auth's JWKS, cached. Fetched at startup, again when a token names an unknown `kid` (a rotated key), and in the
/// background every <see cref="GatewayOptions.KeyRefreshInterval"/>. Fetches are shared by concurrent callers and
/// never more frequent than <see cref="GatewayOptions.MinKeyFetchInterval"/>, so forged `kid`s cannot flood auth.
/// </summary>
internal sealed class SigningKeyStore(
    IHttpClientFactory httpClients,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<SigningKeyStore> logger) : IDisposable
{
    public const string HttpClientName = "auth-keys";
    public static readonly Uri JwksUri = new("http://auth/.well-known/jwks.json");
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim fetchLock = new(1, 1);
    private volatile SigningKeySet? current;
    private long lastFetchStarted;

    /// <summary>The keys as last fetched (null before the first success); starts a background refresh when they are old.</summary>
    public SigningKeySet? Current
    {
        get
        {
            var keys = current;
            if (keys is not null && time.GetElapsedTime(keys.FetchedAt) > options.Value.KeyRefreshInterval)
            {
                _ = RefreshAsync(keys, CancellationToken.None);
            }

            return keys;
        }
    }

    /// <summary>Keys that contain <paramref name="kid"/> when auth publishes it (fetching if needed and allowed); null when auth could never be read.</summary>
    public async ValueTask<SigningKeySet?> GetAsync(string kid, CancellationToken cancellationToken)
    {
        var keys = Current;
        return keys?.Find(kid) is not null ? keys : await RefreshAsync(keys, cancellationToken);
    }

    /// <summary>Fetches unless someone else did since <paramref name="seen"/> was read, or a fetch started too recently.</summary>
    public async Task<SigningKeySet?> RefreshAsync(SigningKeySet? seen, CancellationToken cancellationToken)
    {
        await fetchLock.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(current, seen)
                || (lastFetchStarted != 0 && time.GetElapsedTime(lastFetchStarted) < options.Value.MinKeyFetchInterval))
            {
                return current;
            }

            lastFetchStarted = time.GetTimestamp();
            return current = await FetchAsync() ?? current;
        }
        finally
        {
            fetchLock.Release();
        }
    }

    public void Dispose() => fetchLock.Dispose();

    /// <summary>Not tied to the caller's request: one client hanging up must not cancel a fetch others wait for.</summary>
    private async Task<SigningKeySet?> FetchAsync()
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        try
        {
            using var document = await httpClients.CreateClient(HttpClientName).GetFromJsonAsync<JsonDocument>(JwksUri, timeout.Token);
            if (document is null)
            {
                return null;
            }

            var keys = SigningKeySet.Parse(document.RootElement, current, time.GetTimestamp());
            logger.LogInformation("Fetched {Count} signing key(s) from auth's JWKS.", keys.Count);
            return keys;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or JsonException or NotSupportedException)
        {
            logger.LogWarning(exception, "Could not fetch auth's JWKS from {Uri}.", JwksUri);
            return null;
        }
    }
}
