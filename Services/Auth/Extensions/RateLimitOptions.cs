namespace Shop.Auth.Extensions;

/// <summary>Configuration section `RateLimits` (contract.md section 2); 0 or less turns a limit off.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>How long a code request counts against <see cref="CodesPerEmail"/>.</summary>
    public static readonly TimeSpan CodeRequestWindow = TimeSpan.FromMinutes(15);

    /// <summary>Codes one e-mail address may ask for per <see cref="CodeRequestWindow"/>, across all replicas.</summary>
    public int CodesPerEmail { get; set; } = 5;

    /// <summary>Requests to `/auth/login` and `/auth/verify` per client IP per minute (per replica; the gateway enforces it too).</summary>
    public int AuthPerClientPerMinute { get; set; } = 60;

    /// <summary>`RateLimits__RefreshPerClientPerMinute`: requests to `/auth/refresh` per client IP per minute, a budget of their own (per replica).</summary>
    public int RefreshPerClientPerMinute { get; set; } = 60;
}
