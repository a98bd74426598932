using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Shop.Http;

/// <summary>
/// A decimal query parameter as the contract writes numbers: digits, an optional leading minus and a `.` for the
/// fraction. Minimal APIs bind `decimal` with thousands separators allowed, so `1,5` would be read as 15; this
/// type's parser refuses it (400) instead.
/// </summary>
public readonly record struct InvariantDecimal(decimal Value) : IParsable<InvariantDecimal>
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static implicit operator decimal(InvariantDecimal number) => number.Value;

    public static implicit operator InvariantDecimal(decimal value) => new(value);

    public static InvariantDecimal Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var number) ? number : throw new FormatException($"'{s}' is not a number.");

    /// <summary>Always the invariant culture, whatever <paramref name="provider"/> says.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out InvariantDecimal result)
    {
        var parsed = decimal.TryParse(s, Style, CultureInfo.InvariantCulture, out var value);
        result = new InvariantDecimal(value);
        return parsed;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
