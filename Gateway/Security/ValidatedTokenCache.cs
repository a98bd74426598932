using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Shop.Gateway.Extensions;

namespace Shop.Gateway.Security;

/// <summary>
/// Tokens that passed full validation, so a client repeating its token is not verified again on every request.
/// An entry is used only until the token's own expiry and only while the key that signed it is still published;
/// the cache holds at most <see cref="GatewayOptions.TokenCacheSize"/> entries, each keeping its token (under 1 KB as auth issues them).
/// </summary>
internal sealed class ValidatedTokenCache(IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(TokenComparer.Instance);
    private readonly Lock trimLock = new();
    private int count;

    public bool TryGet(ReadOnlySpan<char> token, SigningKeySet? keys, out SignedInUser user)
    {
        var byToken = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        if (byToken.TryGetValue(token, out var cached, out var entry))
        {
            if (time.GetUtcNow() < entry.Expires && keys?.Find(entry.Kid) is { } key && ReferenceEquals(key, entry.Key))
            {
                user = entry.User;
                return true;
            }

            Remove(cached);
        }

        user = null!;
        return false;
    }

    public void Add(string token, SignedInUser user, DateTimeOffset expires, string kid, SecurityKey key)
    {
        if (entries.TryAdd(token, new Entry(user, expires, kid, key)) && Interlocked.Increment(ref count) > options.Value.TokenCacheSize)
        {
            Trim();
        }
    }

    /// <summary>Drops expired entries; if the cache is still full (many live tokens), starts over rather than grow.</summary>
    private void Trim()
    {
        lock (trimLock)
        {
            var now = time.GetUtcNow();
            foreach (var (token, entry) in entries)
            {
                if (entry.Expires <= now)
                {
                    Remove(token);
                }
            }

            if (Volatile.Read(ref count) > options.Value.TokenCacheSize)
            {
                entries.Clear();
                Volatile.Write(ref count, entries.Count);
            }
        }
    }

    private void Remove(string token)
    {
        if (entries.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    private sealed record Entry(SignedInUser User, DateTimeOffset Expires, string Kid, SecurityKey Key);
}
