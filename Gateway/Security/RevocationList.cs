using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Shop.Gateway.Extensions;

namespace Shop.Gateway.Security;

/// <summary>
/// What auth has revoked, as last read by <see cref="RevocationPoller"/>: ended sign-ins (`sid`) and users whose
/// roles changed (tokens with a lower `rv` are refused). Entries are dropped once every token they could refuse
/// has expired. When the list has not been read for <see cref="GatewayOptions.RevocationMaxStaleness"/>, it is
/// not <see cref="IsCurrent"/> and signed-in requests are refused (fail closed) until it is read again.
/// </summary>
internal sealed class RevocationList(IOptions<GatewayOptions> options, TimeProvider time)
{
    /// <summary>An access token lives 15 minutes, plus the validators' clock skew.</summary>
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(16);

    private readonly ConcurrentDictionary<string, DateTimeOffset> signIns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int MinVersion, DateTimeOffset Until)> users = new(StringComparer.Ordinal);
    private long lastRead;

    public bool IsCurrent =>
        Volatile.Read(ref lastRead) is var read and not 0 && time.GetElapsedTime(read) <= options.Value.RevocationMaxStaleness;

    public bool IsRevoked(SignedInUser user) =>
        (user.SessionId is { } sid && signIns.ContainsKey(sid))
        || (users.TryGetValue(user.Id, out var roles) && user.RolesVersion < roles.MinVersion);

    /// <summary>Applies one read of auth's list; applying the same revocation twice changes nothing.</summary>
    public void Apply(IEnumerable<string> revokedSignIns, IEnumerable<(string UserId, int RolesVersion)> changedRoles)
    {
        var now = time.GetUtcNow();
        foreach (var sid in revokedSignIns)
        {
            signIns.TryAdd(sid, now + EntryLifetime);
        }

        foreach (var (userId, version) in changedRoles)
        {
            users.AddOrUpdate(
                userId,
                (version, now + EntryLifetime),
                (_, known) => version > known.MinVersion ? (version, now + EntryLifetime) : known);
        }

        foreach (var (sid, until) in signIns)
        {
            if (until <= now)
            {
                signIns.TryRemove(sid, out _);
            }
        }

        foreach (var (userId, entry) in users)
        {
            if (entry.Until <= now)
            {
                users.TryRemove(userId, out _);
            }
        }

        Volatile.Write(ref lastRead, time.GetTimestamp());
    }
}
