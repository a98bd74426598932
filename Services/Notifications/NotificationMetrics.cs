using System.Diagnostics.Metrics;

namespace Shop.Notifications;

/// <summary>Mail counters on the `Shop.Notifications` meter (exported over OTLP with the other Shop meters).</summary>
internal sealed class NotificationMetrics
{
    private readonly Counter<long> sent;
    private readonly Counter<long> retried;
    private readonly Counter<long> failed;

    public NotificationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("Shop.Notifications");
        sent = meter.CreateCounter<long>("shop.notifications.mails.sent", description: "Mails the SMTP server accepted");
        retried = meter.CreateCounter<long>("shop.notifications.mails.retried", description: "Send attempts refused for now, to be retried");
        failed = meter.CreateCounter<long>("shop.notifications.mails.failed", description: "Mails refused for good");
    }

    public void Sent() => sent.Add(1);

    public void Retried() => retried.Add(1);

    public void Failed() => failed.Add(1);
}
