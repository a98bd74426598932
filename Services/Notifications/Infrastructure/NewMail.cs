using System.Text.Json;
using Shop.Messaging;
using Shop.Notifications.Templates;

namespace Shop.Notifications.Infrastructure;

/// <summary>A mail <paramref name="Event"/> asks for. <paramref name="DueAt"/> null means now (by the database's clock).</summary>
internal sealed record NewMail(
    CloudEvent Event,
    string Template,
    string Recipient,
    MailContent Content,
    DateTimeOffset? DueAt = null,
    DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Time-ordered, and the mail's Message-ID.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();

    public string EventJson => JsonSerializer.Serialize(Event);
}
