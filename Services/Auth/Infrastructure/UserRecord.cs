namespace Shop.Auth.Infrastructure;

/// <summary>A row of `users`; <see cref="Roles"/> holds the stored roles only (see UserRoles for the effective ones).</summary>
/// <remarks>Init properties rather than a positional record: Npgsql reports `text[]` columns as System.Array, which Dapper cannot match to a constructor parameter.</remarks>
internal sealed record UserRecord
{
    public required Guid Id { get; init; }

    public required string Email { get; init; }

    public required string[] Roles { get; init; }

    /// <summary>Raised by every role change; tokens carry it (claim `rv`) so the gateways can refuse older ones.</summary>
    public int RolesVersion { get; init; }

    public DateTime? EmailVerifiedAt { get; init; }

    public string? AvatarKey { get; init; }

    public string? AvatarContentType { get; init; }

    public required DateTime CreatedAt { get; init; }
}
