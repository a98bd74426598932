using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>Opens an SMTP session to the `mail` server as the connection string says: STARTTLS as configured, then AUTH when credentials are given.</summary>
internal sealed class SmtpConnector(MailConnection server)
{
    public MailConnection Server => server;

    /// <summary>
    /// Our own socket with Nagle off, so a message and its final "." never wait for the server's delayed ACK (about
    /// 40 ms on Linux), which would also widen the window in which a crashed sender's mail is delivered anyway.
    /// </summary>
    public async Task<Socket> ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server.Host, server.Port, cancellationToken);
            await client.ConnectAsync(socket, server.Host, server.Port, server.Security, cancellationToken);
        }
        catch (NotSupportedException) when (server.Security == SecureSocketOptions.StartTls)
        {
            socket.Dispose();
            throw new SmtpConfigurationException("the connection string requires STARTTLS (Security=Required), but the SMTP server does not offer it");
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (server.Username is not null)
        {
            await AuthenticateAsync(client, server.Username, server.Password ?? string.Empty, cancellationToken);
        }

        return socket;
    }

    /// <summary>
    /// Configured credentials mean the server is expected to check them: a server that does not offer AUTH gets no
    /// mail, which would hide a wrong endpoint or a server set up without authentication.
    /// </summary>
    private static async Task AuthenticateAsync(SmtpClient client, string username, string password, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
        {
            throw new SmtpConfigurationException("credentials are configured, but the SMTP server does not offer AUTH; not sending without signing in");
        }

        await client.AuthenticateAsync(username, password, cancellationToken);
    }
}
