using System.Text;
using Microsoft.Extensions.Options;
using Shop.Gateway.Extensions;
using Yarp.ReverseProxy.Forwarder;

namespace Shop.Gateway.Routing;

/// <summary>YARP's client to the services, with a connect timeout: an unreachable destination fails fast (503), never hangs.</summary>
internal sealed class GatewayHttpClientFactory(IOptions<GatewayOptions> options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.ConnectTimeout = options.Value.ConnectTimeout;

        // Kestrel accepts UTF-8 header values; forward them as they came (the service judges them) instead of
        // failing the forward, which made a client's non-ASCII header a 502.
        handler.RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8;
    }
}
