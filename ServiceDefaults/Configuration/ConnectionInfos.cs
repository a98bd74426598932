namespace Shop.ServiceDefaults.Configuration;

/// <summary>`nats://[user:pass@]host:port`.</summary>
public sealed record NatsConnectionInfo(Uri Url);

/// <summary>`Endpoint=http://host:port;AccessKey=..;SecretKey=..`.</summary>
public sealed record StorageConnectionInfo(Uri Endpoint, string AccessKey, string SecretKey)
{
    /// <summary>Keeps the secret out of logs and exception messages.</summary>
    public override string ToString() => $"Endpoint={Endpoint};AccessKey={AccessKey};SecretKey=***";
}

/// <summary>`Endpoint=smtp://host:port` with optional `Username=..;Password=..`.</summary>
public sealed record MailConnectionInfo(string Host, int Port, string? Username, string? Password)
{
    public override string ToString() => $"Endpoint=smtp://{Host}:{Port}" + (Username is null ? string.Empty : $";Username={Username};Password=***");
}
