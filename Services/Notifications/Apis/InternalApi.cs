using Shop.Notifications.Infrastructure;

namespace Shop.Notifications.Apis;

/// <summary>
/// Figures for other services (analytics' `mailsSent`). Internal: the gateway routes only the public API of
/// contract.md section 3, so this is reachable inside the cluster only.
/// </summary>
internal static class InternalApi
{
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal");
        api.MapGet("/stats", async (MailQueue queue, CancellationToken cancellationToken) =>
            TypedResults.Ok(new MailStats(await queue.CountSentAsync(cancellationToken))));
        return app;
    }
}

/// <summary>`{mailsSent}`: mails the SMTP server has accepted, over every replica.</summary>
internal sealed record MailStats(long MailsSent);
