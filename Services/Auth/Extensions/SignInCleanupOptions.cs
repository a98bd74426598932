namespace Shop.Auth.Extensions;

/// <summary>Configuration section `Auth`: how long unused sign-in data is kept.</summary>
internal sealed class SignInCleanupOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// `Auth__UnverifiedUserLifetime`: a user created by `/auth/login` who never verifies a code is deleted after
    /// this (default one day), unless a code of theirs is still live; so anonymous logins cannot grow the table forever.
    /// </summary>
    public TimeSpan UnverifiedUserLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>`Auth__CleanupInterval`: how often every replica deletes what expired (default hourly).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
