namespace Shop.Gateway.Extensions;

/// <summary>Tuning of the proxy, bound from the `Gateway` configuration section; the defaults suit production.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Longest quiet period while waiting for a service's response (YARP's activity timeout): then 504.</summary>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long opening a connection to a service may take: a vanished pod must not hang requests.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often each destination's `/health` is probed; two failures in a row take it out of rotation.</summary>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a destination that refused a connection stays out of rotation before it is tried again.</summary>
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Auth's signing keys are refetched this often even when every `kid` is known (so a removed key stops working).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At most one fetch of auth's JWKS per this interval, however many unknown `kid`s arrive.</summary>
    public TimeSpan MinKeyFetchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often auth's list of revoked sign-ins and changed roles is read: a logout reaches every replica within this.</summary>
    public TimeSpan RevocationPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Signed-in requests are refused with 503 (fail closed) once the revocation list could not be read for this
    /// long: a revoked token must not pass just because auth is unreachable. Anonymous routes keep working.
    /// </summary>
    public TimeSpan RevocationMaxStaleness { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Validated tokens remembered (each until its expiry at most), so a repeated token is not verified again.</summary>
    public int TokenCacheSize { get; set; } = 10_000;
}
