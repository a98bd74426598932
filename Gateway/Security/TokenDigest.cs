using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Shop.Gateway.Security;

/// <summary>
/// SHA-256 of a bearer token: the key of the validation cache. Comparing digests instead of tokens keeps the
/// lookup's timing independent of how much of a secret token a guess got right.
/// </summary>
internal readonly record struct TokenDigest(UInt128 High, UInt128 Low)
{
    public static TokenDigest Of(ReadOnlySpan<char> token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(token), hash);
        return new TokenDigest(MemoryMarshal.Read<UInt128>(hash), MemoryMarshal.Read<UInt128>(hash[16..]));
    }
}
