namespace Shop.Nats;

public class NatsJSException : NatsException
{
    public NatsJSException()
    {
    }

    public NatsJSException(string message)
        : base(message)
    {
    }

    public NatsJSException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The JetStream API answered with an error.</summary>
public sealed class NatsJSApiException : NatsJSException
{
    public NatsJSApiException()
        : this(new ApiError())
    {
    }

    public NatsJSApiException(string message)
        : this(new ApiError { Description = message })
    {
    }

    public NatsJSApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ApiError { Description = message };
    }

    public NatsJSApiException(ApiError error)
        : base($"JetStream API error {error?.Code}/{error?.ErrCode}: {error?.Description}")
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public ApiError Error { get; }
}
