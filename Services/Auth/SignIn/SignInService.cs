using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Auth.Extensions;
using Shop.Auth.Infrastructure;
using Shop.Auth.IntegrationEvents.Events;
using Shop.Auth.Tokens;
using Shop.Auth.Users;
using Shop.Messaging;
using Shop.ServiceDefaults.Secrets;

namespace Shop.Auth.SignIn;

/// <summary>
/// Passwordless sign-in: e-mailed codes, their verification, and the refresh tokens that follow. Each step is
/// one database transaction; events go through the outbox in that same transaction.
/// </summary>
internal sealed partial class SignInService(
    NpgsqlDataSource dataSource,
    Outbox outbox,
    AccessTokenIssuer issuer,
    UserRoles roles,
    SignInCodeCipher codes,
    IOptions<RateLimitOptions> limits,
    TimeProvider time,
    ILogger<SignInService> logger)
{
    /// <summary>Creates the user if new and sends a fresh code; returns how long to wait instead when the address asked too often.</summary>
    public async Task<TimeSpan?> RequestCodeAsync(string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var userId = await SignInStore.LockOrCreateUserAsync(transaction, email, cancellationToken);

        // Per mailbox, which also bounds each address of it: plus-tags and case do not multiply the mails.
        var mailbox = EmailAddress.Mailbox(email);
        var limit = limits.Value.CodesPerEmail;
        if (limit > 0)
        {
            var window = RateLimitOptions.CodeRequestWindow;
            var recent = await SignInStore.RecentCodeRequestsAsync(transaction, mailbox, now - window, cancellationToken);
            if (recent.Count >= limit)
            {
                await transaction.CommitAsync(cancellationToken);
                // The request that has to age out before another one fits.
                return recent[recent.Count - limit] + window - now;
            }
        }

        var code = LoginCode.Generate();
        var (hash, salt) = LoginCode.Hash(code);
        var expiresAt = now + LoginCode.Lifetime;
        await SignInStore.StoreCodeAsync(transaction, userId, mailbox, hash, salt, now, expiresAt, cancellationToken);
        await outbox.EnqueueAsync(transaction, new LoginCodeRequested(userId, email, codes.Encrypt(code, email), expiresAt), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Tokens for a right code; null for a wrong, expired or used code or an unknown address (one answer for all).</summary>
    public async Task<TokenPair?> VerifyAsync(string email, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = await SignInStore.FindCodeForUpdateAsync(transaction, email, cancellationToken);
        if (pending is null)
        {
            return null;
        }

        if (pending.ExpiresAt <= now)
        {
            await SignInStore.DeleteCodeAsync(transaction, pending.UserId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        if (!LoginCode.Matches(code, pending.CodeHash, pending.Salt))
        {
            if (pending.FailedAttempts + 1 >= LoginCode.MaxFailedAttempts)
            {
                await SignInStore.DeleteCodeAsync(transaction, pending.UserId, cancellationToken);
                LogCodeExhausted(pending.UserId);
            }
            else
            {
                await SignInStore.CountFailedAttemptAsync(transaction, pending.UserId, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return null;
        }

        await SignInStore.DeleteCodeAsync(transaction, pending.UserId, cancellationToken);
        if (await SignInStore.MarkVerifiedAsync(transaction, pending.UserId, now, cancellationToken))
        {
            await outbox.EnqueueAsync(transaction, new UserRegistered(pending.UserId, email), cancellationToken);
        }

        var refreshToken = RefreshToken.Generate();
        var signInId = await SignInStore.StartSignInAsync(transaction, pending.UserId, RefreshToken.Hash(refreshToken), now, now + RefreshToken.Lifetime, cancellationToken);
        var user = await UserStore.GetAsync(transaction, pending.UserId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Issue(user, signInId, refreshToken);
    }

    /// <summary>
    /// A new pair for a live refresh token, which stops working. Null when the token is unknown, expired or revoked;
    /// a token that was already rotated means it leaked, so its whole sign-in is revoked.
    /// </summary>
    public async Task<TokenPair?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (refreshToken.Length > RefreshToken.MaxLength)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var presentedHash = RefreshToken.Hash(refreshToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var presented = await SignInStore.FindRefreshTokenForUpdateAsync(transaction, presentedHash, cancellationToken);
        if (presented is null || presented.RevokedAt is not null || presented.ExpiresAt <= now)
        {
            return null;
        }

        if (presented.UsedAt is not null)
        {
            await SignInStore.RevokeSignInAsync(transaction, presented.SignInId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogRefreshTokenReused(presented.SignInId, presented.UserId);
            return null;
        }

        var next = RefreshToken.Generate();
        await SignInStore.RotateRefreshTokenAsync(transaction, presentedHash, presented.SignInId, RefreshToken.Hash(next), now, now + RefreshToken.Lifetime, cancellationToken);
        var user = await UserStore.GetAsync(transaction, presented.UserId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Issue(user, presented.SignInId, next);
    }

    /// <summary>Revokes the sign-in of <paramref name="refreshToken"/>; unknown or already revoked tokens change nothing.</summary>
    public async Task LogoutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        if (refreshToken.Length > RefreshToken.MaxLength)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SignInStore.RevokeSignInOfTokenAsync(connection, RefreshToken.Hash(refreshToken), time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private TokenPair Issue(UserRecord user, Guid signInId, string refreshToken) =>
        new(issuer.Issue(user.Id, user.Email, roles.Effective(user.Email, user.Roles), signInId, user.RolesVersion), refreshToken);

    [LoggerMessage(LogLevel.Information, "Sign-in code of user {UserId} discarded after too many wrong tries")]
    private partial void LogCodeExhausted(Guid userId);

    [LoggerMessage(LogLevel.Warning, "A rotated refresh token was presented again: sign-in {SignInId} of user {UserId} revoked")]
    private partial void LogRefreshTokenReused(Guid signInId, Guid userId);
}
