using System.Net.Sockets;
using MailKit.Net.Smtp;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>
/// One sender's SMTP connection, kept open from mail to mail (a new connection costs the server's greeting, about
/// 100 ms with maildev). Not thread-safe: each sender owns one. After any failure the connection is dropped and
/// the next mail opens a new one.
/// </summary>
internal sealed class SmtpMailTransport(SmtpConnector connector, MailMessageFactory messages) : IAsyncDisposable
{
    /// <summary>Idle longer than this, the connection is checked with a NOOP first: servers close idle sessions (RFC 5321 allows it after 5 minutes, maildev after 1).</summary>
    private static readonly TimeSpan CheckAfterIdle = TimeSpan.FromSeconds(10);

    private readonly SmtpClient client = new();
    private Socket? socket;
    private long lastUsed;

    /// <summary>Returns as soon as the server accepted the message.</summary>
    public async Task SendAsync(ClaimedMail mail, CancellationToken cancellationToken)
    {
        var message = messages.Create(mail);
        try
        {
            await EnsureConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
            lastUsed = Environment.TickCount64;
        }
        catch
        {
            Drop();
            throw;
        }
    }

    /// <summary>Says goodbye (QUIT) when the sender stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
            {
                Drop();
            }
        }

        client.Dispose();
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (client.IsConnected && Environment.TickCount64 - lastUsed > CheckAfterIdle.TotalMilliseconds)
        {
            try
            {
                await client.NoOpAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or SocketException or SmtpProtocolException or SmtpCommandException or MailKit.ServiceNotConnectedException)
            {
                Drop();
            }
        }

        if (!client.IsConnected)
        {
            socket = await connector.ConnectAsync(client, cancellationToken);
        }
    }

    /// <summary>
    /// An abortive close (RST) without QUIT: a message whose DATA was cut off is discarded by the server rather than
    /// completed late from what the kernel still holds.
    /// </summary>
    private void Drop()
    {
        try
        {
            if (socket is { Connected: true })
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (ObjectDisposedException)
        {
        }

        client.Disconnect(quit: false);
        socket = null;
    }
}
