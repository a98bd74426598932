namespace Shop.Gateway.Security;

/// <summary>Reads auth's keys while the gateway starts, so the first signed-in request does not wait for them.</summary>
internal sealed class SigningKeyPrefetch(SigningKeyStore keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: auth may start after the gateway; requests fetch again when they need keys.
        _ = keys.RefreshAsync(null, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
