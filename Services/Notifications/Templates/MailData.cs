using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shop.Notifications.Templates;

/// <summary>Reads and checks the data a mail is made from, failing with <see cref="InvalidMailDataException"/>.</summary>
internal static class MailData
{
    /// <summary>camelCase; a missing required field or a null where none is allowed is an error, unknown fields are not.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static T Parse<T>(JsonElement data, string what)
    {
        try
        {
            return data.Deserialize<T>(Json) ?? throw new InvalidMailDataException($"{what}: data is null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidMailDataException($"{what}: {exception.Message}", exception);
        }
    }

    public static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidMailDataException(problem);
        }
    }

    /// <summary>
    /// A bare ASCII address (no display name, no line breaks), at most 254 characters as RFC 5321 allows. ASCII:
    /// internationalised addresses need SMTPUTF8, which the sender does not speak.
    /// </summary>
    public static string Address(string? value, string field)
    {
        Require(!string.IsNullOrWhiteSpace(value) && value.Length <= 254, $"{field} is missing or longer than 254 characters.");
        Require(value!.All(char.IsAscii), $"{field} must be an ASCII e-mail address.");
        Require(
            MailAddress.TryCreate(value, out var address) && address.DisplayName.Length == 0 && address.Address == value,
            $"{field} is not a valid e-mail address.");
        return address!.Address;
    }

    /// <summary>Text shown in a mail: present, bounded, and on one line when it may end up in a header.</summary>
    public static string Text(string? value, string field, int maxLength, bool singleLine = true)
    {
        Require(!string.IsNullOrWhiteSpace(value) && value.Length <= maxLength, $"{field} is missing or longer than {maxLength} characters.");
        Require(!singleLine || value!.IndexOfAny(['\r', '\n']) < 0, $"{field} must be a single line.");
        return value!;
    }
}
