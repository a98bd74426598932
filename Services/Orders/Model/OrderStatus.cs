namespace Shop.Orders.Model;

/// <summary>
/// The order state machine of contract.md: pending -> confirmed (stock reserved) or rejected (not enough stock);
/// confirmed -> shipped -> delivered; pending or confirmed -> cancelled. Every other move is refused (409).
/// </summary>
public static class OrderStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string Shipped = "shipped";
    public const string Delivered = "delivered";

    public static IReadOnlyList<string> All { get; } = [Pending, Confirmed, Rejected, Cancelled, Shipped, Delivered];

    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (Pending, Confirmed) or (Pending, Rejected) or (Pending, Cancelled) => true,
        (Confirmed, Cancelled) or (Confirmed, Shipped) => true,
        (Shipped, Delivered) => true,
        _ => false,
    };

    /// <summary>Who may set which status: the customer cancels, stock events confirm or reject, admins ship and deliver.</summary>
    public static bool MaySet(OrderActor actor, string status) => actor switch
    {
        OrderActor.Customer => status == Cancelled,
        OrderActor.Stock => status is Confirmed or Rejected,
        OrderActor.Admin => status is Shipped or Delivered,
        _ => false,
    };
}

public enum OrderActor
{
    Customer,
    Stock,
    Admin,
}
