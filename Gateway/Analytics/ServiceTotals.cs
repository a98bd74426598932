namespace Shop.Gateway.Analytics;

/// <summary>One service's answer to `GET /internal/stats`, checked before it is shown.</summary>
internal interface IServiceTotals
{
    /// <summary>False for an answer that parses but cannot be true (a negative count, more verified users than users).</summary>
    bool IsPlausible { get; }
}

/// <summary>auth: `{users, verifiedUsers}`.</summary>
internal sealed record UserTotals(long Users, long VerifiedUsers) : IServiceTotals
{
    public bool IsPlausible => Users >= 0 && VerifiedUsers >= 0 && VerifiedUsers <= Users;
}

/// <summary>products: `{products}`.</summary>
internal sealed record CatalogueTotals(long Products) : IServiceTotals
{
    public bool IsPlausible => Products >= 0;
}

/// <summary>orders: `{ordersByStatus:{pending, confirmed, rejected, cancelled, shipped, delivered}, revenue}`.</summary>
internal sealed record OrderTotals(OrdersByStatus OrdersByStatus, decimal Revenue) : IServiceTotals
{
    public bool IsPlausible => OrdersByStatus.IsPlausible && Revenue >= 0;
}

/// <summary>notifications: `{mailsSent}`.</summary>
internal sealed record MailTotals(long MailsSent) : IServiceTotals
{
    public bool IsPlausible => MailsSent >= 0;
}
