using System.Text.Json;

namespace Shop.Analytics.Tests.Support;

/// <summary>`GET /stats` as contract.md section 3 states it, read on the test's side.</summary>
public sealed record Stats(
    long? Users,
    long? VerifiedUsers,
    long? Products,
    OrderCounts? OrdersByStatus,
    decimal? Revenue,
    long? MailsSent,
    DateTimeOffset GeneratedAt)
{
    public static readonly string[] Fields = ["users", "verifiedUsers", "products", "ordersByStatus", "revenue", "mailsSent", "generatedAt"];

    public static readonly string[] Statuses = ["pending", "confirmed", "rejected", "cancelled", "shipped", "delivered"];

    public static Stats Read(JsonElement body) => body.Deserialize<Stats>(JsonSerializerOptions.Web)!;
}

public sealed record OrderCounts(long Pending, long Confirmed, long Rejected, long Cancelled, long Shipped, long Delivered);
