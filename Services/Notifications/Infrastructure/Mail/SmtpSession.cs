using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Shop.Notifications.Infrastructure.Mail;

/// <summary>
/// One SMTP conversation (RFC 5321) on a socket with Nagle off. Written here instead of System.Net.Mail's SmtpClient
/// for one measured reason: SmtpClient writes the final "." of DATA as a separate 5-byte segment, which Nagle holds
/// until the server's delayed ACK (about 40 ms on Linux). That added 40 ms to every mail and, worse, widened the
/// window in which a crashed replica's mail is delivered anyway (the kernel still sends the held "." after the
/// process dies) from about a millisecond to about a third of each send. Here the message and its "." leave in
/// one write.
/// </summary>
internal sealed class SmtpSession : IAsyncDisposable
{
    private const int MaxLineLength = 4096;

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly byte[] buffer = new byte[MaxLineLength];
    private int buffered;
    private bool quit;

    private SmtpSession(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>Connects and reads the greeting.</summary>
    public static async Task<SmtpSession> OpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var session = new SmtpSession(socket);
        try
        {
            await session.ExpectAsync(SmtpStage.Session, cancellationToken, 220);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>EHLO (HELO when the server does not know it); returns the extensions the server announced.</summary>
    public async Task<IReadOnlyList<string>> HelloAsync(string clientName, CancellationToken cancellationToken)
    {
        var (code, lines) = await CommandAsync($"EHLO {clientName}", cancellationToken);
        if (code == 250)
        {
            return lines.Skip(1).ToList();
        }

        if (code is not (500 or 502))
        {
            throw new SmtpReplyException(SmtpStage.Session, code, string.Join(" ", lines));
        }

        await WriteAsync($"HELO {clientName}", cancellationToken);
        await ExpectAsync(SmtpStage.Session, cancellationToken, 250);
        return [];
    }

    /// <summary>AUTH PLAIN (RFC 4616).</summary>
    public async Task AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{username}\0{password}"));
        await WriteAsync($"AUTH PLAIN {token}", cancellationToken);
        await ExpectAsync(SmtpStage.Session, cancellationToken, 235);
    }

    /// <summary>MAIL, RCPT, DATA, then the message and its terminating "." in a single write.</summary>
    public async Task SendAsync(string sender, string recipient, byte[] message, CancellationToken cancellationToken)
    {
        await WriteAsync($"MAIL FROM:<{sender}>", cancellationToken);
        await ExpectAsync(SmtpStage.Session, cancellationToken, 250);
        await WriteAsync($"RCPT TO:<{recipient}>", cancellationToken);
        await ExpectAsync(SmtpStage.Recipient, cancellationToken, 250, 251);
        await WriteAsync("DATA", cancellationToken);
        await ExpectAsync(SmtpStage.Session, cancellationToken, 354);

        // The message ends with CRLF and no line of it starts with "." (MimeMessage writes only headers, base64
        // and boundaries), so no dot-stuffing is needed.
        var data = new byte[message.Length + 3];
        message.CopyTo(data, 0);
        ".\r\n"u8.CopyTo(data.AsSpan(message.Length));
        await stream.WriteAsync(data, cancellationToken);
        await ExpectAsync(SmtpStage.Message, cancellationToken, 250);
    }

    /// <summary>
    /// Says goodbye without waiting for the answer, and never fails: the mail is already accepted and must be
    /// recorded as sent at once, not retried because a goodbye went wrong.
    /// </summary>
    public async Task QuitAsync()
    {
        try
        {
            await WriteAsync("QUIT", CancellationToken.None);
            quit = true;
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// After QUIT, a normal close. Otherwise an abortive one (RST): whatever part of a message is still unsent is
    /// dropped rather than delivered late, and the server discards a DATA that never ended.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!quit && socket.Connected)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        await stream.DisposeAsync();
        socket.Dispose();
    }

    private async Task<(int Code, IReadOnlyList<string> Lines)> CommandAsync(string command, CancellationToken cancellationToken)
    {
        await WriteAsync(command, cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    private async Task ExpectAsync(SmtpStage stage, CancellationToken cancellationToken, params int[] expected)
    {
        var (code, lines) = await ReadReplyAsync(cancellationToken);
        if (!expected.Contains(code))
        {
            throw new SmtpReplyException(stage, code, string.Join(" ", lines));
        }
    }

    private Task WriteAsync(string command, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken).AsTask();

    /// <summary>A reply: lines "250-..." continue, "250 ..." ends it.</summary>
    private async Task<(int Code, IReadOnlyList<string> Lines)> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new IOException($"Not an SMTP reply: '{line}'.");
            }

            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (line.Length == 3 || line[3] == ' ')
            {
                return (code, lines);
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = buffer.AsSpan(0, buffered).IndexOf("\r\n"u8);
            if (end >= 0)
            {
                var line = Encoding.UTF8.GetString(buffer, 0, end);
                buffer.AsSpan(end + 2, buffered - end - 2).CopyTo(buffer);
                buffered -= end + 2;
                return line;
            }

            if (buffered == buffer.Length)
            {
                throw new IOException($"SMTP reply line longer than {MaxLineLength} bytes.");
            }

            var read = await stream.ReadAsync(buffer.AsMemory(buffered), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The SMTP server closed the connection.");
            }

            buffered += read;
        }
    }
}
