using System.Text;

namespace Shop.ChartCheck.Chart;

/// <summary>Secret <c>data</c> values: UTF-8 text in base64.</summary>
internal static class Base64Text
{
    public static string? TryDecode(string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// Aspirate's <c>--secret-password</c> output encodes every value of a Secret twice. A Secret is taken as
    /// encoded twice when each value, decoded once, is again base64 of printable text: one value could be so
    /// by chance, all of them hardly.
    /// </summary>
    public static bool IsEncodedTwice(IReadOnlyCollection<string> values) =>
        values.Count > 0 && values.All(value => TryDecode(value) is { Length: > 0 } once && TryDecode(once) is { } twice && twice.All(character => !char.IsControl(character)));

    public static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
