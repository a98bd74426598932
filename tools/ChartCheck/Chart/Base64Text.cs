using System.Text;

namespace Shop.ChartCheck.Chart;

/// <summary>Secret <c>data</c> values: UTF-8 text in base64.</summary>
internal static class Base64Text
{
    public static string? TryDecode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
