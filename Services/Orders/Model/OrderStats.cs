namespace Shop.Orders.Model;

/// <summary>Order counts by status (every status present, 0 when none) and revenue = total of confirmed, shipped and delivered orders.</summary>
public sealed record OrderStats(IReadOnlyDictionary<string, long> OrdersByStatus, decimal Revenue)
{
    public static readonly IReadOnlyList<string> RevenueStatuses = [OrderStatus.Confirmed, OrderStatus.Shipped, OrderStatus.Delivered];

    public static OrderStats From(IEnumerable<(string Status, long Count, decimal Total)> byStatus)
    {
        var rows = byStatus.ToDictionary(row => row.Status);
        return new OrderStats(
            OrderStatus.All.ToDictionary(status => status, status => rows.TryGetValue(status, out var row) ? row.Count : 0),
            rows.Values.Where(row => RevenueStatuses.Contains(row.Status)).Sum(row => row.Total));
    }
}
