namespace Shop.Gateway.Analytics;

/// <summary>
/// The body of `GET /stats` (contract.md section 3). Each service's part is null when that service did not give a
/// usable answer in time: auth's `users` and `verifiedUsers` together, orders' `ordersByStatus` (the whole object)
/// and `revenue` together, products' `products`, notifications' `mailsSent`.
/// </summary>
public sealed record ShopStats(
    long? Users,
    long? VerifiedUsers,
    long? Products,
    OrdersByStatus? OrdersByStatus,
    decimal? Revenue,
    long? MailsSent,
    DateTimeOffset GeneratedAt)
{
    internal static ShopStats From(UserTotals? users, CatalogueTotals? catalogue, OrderTotals? orders, MailTotals? mails, DateTimeOffset generatedAt) => new(
        users?.Users,
        users?.VerifiedUsers,
        catalogue?.Products,
        orders?.OrdersByStatus,
        orders?.Revenue,
        mails?.MailsSent,
        generatedAt);
}

/// <summary>Orders per status; every status is always present.</summary>
public sealed record OrdersByStatus(long Pending, long Confirmed, long Rejected, long Cancelled, long Shipped, long Delivered)
{
    internal bool IsPlausible => Pending >= 0 && Confirmed >= 0 && Rejected >= 0 && Cancelled >= 0 && Shipped >= 0 && Delivered >= 0;
}
