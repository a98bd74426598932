namespace Shop.Gateway.Extensions;

/// <summary>contract.md section 2: per client IP as the gateway sees it; 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>`POST /auth/login` and `POST /auth/verify` together, per client per minute.</summary>
    public int AuthPerClientPerMinute { get; set; } = 60;

    /// <summary>Every other request, per client per second (off by default so load tests are not throttled).</summary>
    public int PerClientPerSecond { get; set; }
}
