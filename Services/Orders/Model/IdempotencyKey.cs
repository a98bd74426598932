using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Shop.Http;

namespace Shop.Orders.Model;

/// <summary>
/// The `Idempotency-Key` header of `POST /order`: optional; when given, 1 to 255 visible ASCII characters
/// (a UUID is typical), once. Keys are scoped to the user who sends them.
/// </summary>
public static partial class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key, or null when the header is absent; an error is added when it is present but not valid.</summary>
    public static string? Read(StringValues values, ValidationErrors errors)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || values[0] is not { } key || !Shape().IsMatch(key))
        {
            errors.Add(Header, $"{Header} is one value of 1 to {MaxLength} visible ASCII characters.");
            return null;
        }

        return key;
    }

    [GeneratedRegex(@"\A[\x21-\x7E]{1,255}\z")]
    private static partial Regex Shape();
}
