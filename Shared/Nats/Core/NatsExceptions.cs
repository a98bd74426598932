namespace Shop.Nats;

/// <summary>Base of every error this client raises.</summary>
public class NatsException : Exception
{
    public NatsException()
    {
    }

    public NatsException(string message)
        : base(message)
    {
    }

    public NatsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A request went to a subject nobody listens on (the server answered with status 503).</summary>
public sealed class NatsNoRespondersException : NatsException
{
    public NatsNoRespondersException()
        : base("No responders: nobody is subscribed to the request subject.")
    {
    }

    public NatsNoRespondersException(string message)
        : base(message)
    {
    }

    public NatsNoRespondersException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>An operation did not complete in time.</summary>
public class NatsTimeoutException : NatsException
{
    public NatsTimeoutException()
    {
    }

    public NatsTimeoutException(string message)
        : base(message)
    {
    }

    public NatsTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A request got no reply within its timeout.</summary>
public sealed class NatsNoReplyException : NatsTimeoutException
{
    public NatsNoReplyException()
    {
    }

    public NatsNoReplyException(string message)
        : base(message)
    {
    }

    public NatsNoReplyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Headers plus payload exceed the server's max_payload; nothing was written and the connection stays up.</summary>
public sealed class NatsPayloadTooLargeException : NatsException
{
    public NatsPayloadTooLargeException()
    {
    }

    public NatsPayloadTooLargeException(string message)
        : base(message)
    {
    }

    public NatsPayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The server answered with <c>-ERR</c>.</summary>
public class NatsServerErrorException : NatsException
{
    public NatsServerErrorException()
        : this(string.Empty)
    {
    }

    public NatsServerErrorException(string error)
        : base($"nats-server error: {error}")
    {
        Error = error;
    }

    public NatsServerErrorException(string error, Exception innerException)
        : base($"nats-server error: {error}", innerException)
    {
        Error = error;
    }

    /// <summary>The server's text, without the surrounding quotes.</summary>
    public string Error { get; }
}

/// <summary>The server refused the credentials (user/password from the URL).</summary>
public sealed class NatsAuthorizationException : NatsServerErrorException
{
    public NatsAuthorizationException()
    {
    }

    public NatsAuthorizationException(string error)
        : base(error)
    {
    }

    public NatsAuthorizationException(string error, Exception innerException)
        : base(error, innerException)
    {
    }
}

/// <summary>The connection is down and the bounded publish buffer (NatsOpts.MaxReconnectBufferBytes) is full.</summary>
public sealed class NatsReconnectBufferFullException : NatsException
{
    public NatsReconnectBufferFullException()
        : base("Not connected to nats-server and the reconnect buffer is full.")
    {
    }

    public NatsReconnectBufferFullException(string message)
        : base(message)
    {
    }

    public NatsReconnectBufferFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The server sent bytes that do not follow the NATS protocol.</summary>
public sealed class NatsProtocolException : NatsException
{
    public NatsProtocolException()
    {
    }

    public NatsProtocolException(string message)
        : base(message)
    {
    }

    public NatsProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
