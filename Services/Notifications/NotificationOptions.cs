using System.ComponentModel.DataAnnotations;

namespace Shop.Notifications;

/// <summary>The `Notifications` configuration section (e.g. `Notifications__CartReminderDelay=00:00:03`).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How long a cart must stay unchanged, with items, before the one reminder goes out.</summary>
    public TimeSpan CartReminderDelay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The From header of every mail.</summary>
    [Required]
    public string From { get; set; } = "Shop <no-reply@shop.example>";

    /// <summary>Mails one replica sends at the same time (each over its own SMTP connection).</summary>
    [Range(1, 64)]
    public int SendConcurrency { get; set; } = 4;

    /// <summary>
    /// How long a claimed mail belongs to the replica sending it. A replica killed mid-send loses its claim after
    /// this, and another replica takes the mail over; an SMTP conversation is cut off well before it runs out.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts at a mail the SMTP server refused for now (backoff doubles up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Safety net behind LISTEN/NOTIFY: senders look for due mails at least this often.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
