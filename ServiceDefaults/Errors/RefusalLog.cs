using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shop.ServiceDefaults.Http;

namespace Shop.ServiceDefaults.Errors;

/// <summary>
/// Logs a refused client request as one warning line without a stack trace (the client's mistake is not the
/// service's failure), with client-supplied text sanitised and each client's refusals sampled.
/// </summary>
public sealed partial class RefusalLog(RefusalLogSampler sampler, ILogger<RefusalLog> logger)
{
    public void Write(HttpContext context, int status, string problem)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var client = ClientAddress.Of(context);
        if (sampler.ShouldLog(client, out var skipped))
        {
            LogRefused(context.Request.Method, LogText.Sanitize(context.Request.Path.Value), client, status, LogText.Sanitize(problem), skipped);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Refused {Method} {Path} from {Client} with {Status}: {Problem} ({Skipped} earlier refusals of this client not logged)")]
    private partial void LogRefused(string method, string path, string client, int status, string problem, int skipped);
}
