using System.Net;
using Microsoft.AspNetCore.Http;

namespace Shop.ServiceDefaults.Http;

/// <summary>Who a request came from, as far as a service behind the gateway can tell.</summary>
public static class ClientAddress
{
    /// <summary>
    /// Services are reachable only through the gateway, which sets X-Forwarded-For to the client address it saw.
    /// Only the LAST entry is trusted: it is the nearest proxy's view, also behind proxies that append rather than
    /// replace; earlier entries are whatever the client claimed. Without the header the peer address counts.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var forwarded = context.Request.Headers["X-Forwarded-For"].LastOrDefault();
        var last = forwarded?[(forwarded.LastIndexOf(',') + 1)..].Trim();
        return IPAddress.TryParse(last, out var address)
            ? address.ToString()
            : context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
    }
}
