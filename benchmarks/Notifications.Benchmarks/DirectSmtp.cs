using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Shop.Notifications;
using Shop.Notifications.Infrastructure;
using Shop.Notifications.Infrastructure.Mail;

namespace Shop.Notifications.Benchmarks;

/// <summary>
/// The reference: the benchmark hands a mail of the same shape (the service's own message factory: text and HTML)
/// straight to maildev with MailKit, over connections opened once and kept, with no service, queue or database in between.
/// </summary>
internal sealed class DirectSmtp(string host, int port) : IAsyncDisposable
{
    private readonly MailMessageFactory messages = new(Options.Create(new NotificationOptions { From = "bench@example.test" }));
    private readonly ConcurrentBag<SmtpClient> idle = [];
    private readonly ConcurrentBag<SmtpClient> all = [];

    /// <summary>Connections opened so far (at most the concurrency of the callers).</summary>
    public int Connections => all.Count;

    public async Task SendAsync(string to, string subject)
    {
        var client = idle.TryTake(out var kept) ? kept : await ConnectAsync();
        await client.SendAsync(messages.Create(new ClaimedMail(Guid.NewGuid(), to, subject, "A reference mail.\n", "<p>A reference mail.</p>", 1, false, false)));
        idle.Add(client);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in all)
        {
            await client.DisconnectAsync(quit: true);
            client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient();
        await client.ConnectAsync(host, port, SecureSocketOptions.None);
        all.Add(client);
        return client;
    }
}
