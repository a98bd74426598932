using System.Security.Cryptography;

namespace Shop.Nats.Protocol;

/// <summary>
/// Unique 22-character base-62 ids for inboxes: a random 12-character prefix and a 10-character
/// sequence that advances by a random step, so ids are cheap and do not collide across processes.
/// </summary>
internal static class Nuid
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int PrefixLength = 12;
    private const int SequenceLength = 10;
    private const long MaxSequence = 839_299_365_868_340_224; // 62^10
    private const long MinIncrement = 33;
    private const long MaxIncrement = 333;

    private static readonly Lock Gate = new();
    private static readonly char[] Prefix = new char[PrefixLength];
    private static long sequence;
    private static long increment;

    static Nuid() => Reset();

    public static string Next()
    {
        Span<char> id = stackalloc char[PrefixLength + SequenceLength];
        long current;
        lock (Gate)
        {
            sequence += increment;
            if (sequence >= MaxSequence)
            {
                Reset();
            }

            current = sequence;
            Prefix.CopyTo(id);
        }

        for (var i = id.Length - 1; i >= PrefixLength; i--)
        {
            id[i] = Digits[(int)(current % Digits.Length)];
            current /= Digits.Length;
        }

        return new string(id);
    }

    private static void Reset()
    {
        for (var i = 0; i < PrefixLength; i++)
        {
            Prefix[i] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        }

        sequence = RandomNumberGenerator.GetInt32(int.MaxValue) * 100_000L;
        increment = MinIncrement + RandomNumberGenerator.GetInt32((int)(MaxIncrement - MinIncrement));
    }
}
