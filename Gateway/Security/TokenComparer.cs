using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Shop.Gateway.Security;

/// <summary>
/// How the validation cache compares bearer tokens: by string's own per-process randomized hash, then in constant
/// time, so a lookup's timing does not tell how much of a secret token a guess got right. Lookups take the token as
/// a span of the `Authorization` header: a cached token costs neither a copy nor a cryptographic digest.
/// </summary>
internal sealed class TokenComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static readonly TokenComparer Instance = new();

    public bool Equals(string? x, string? y) => x is not null && y is not null && Equals(x.AsSpan(), y);

    public int GetHashCode(string token) => GetHashCode(token.AsSpan());

    public bool Equals(ReadOnlySpan<char> candidate, string token) =>
        CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(candidate), MemoryMarshal.AsBytes(token.AsSpan()));

    public int GetHashCode(ReadOnlySpan<char> token) => string.GetHashCode(token);

    public string Create(ReadOnlySpan<char> token) => token.ToString();
}
