using Shop.Orders.IntegrationEvents.Events;
using Shop.Orders.Model;

namespace Shop.Catalog.Tests.Unit;

public sealed class OrderStatusTests
{
    /// <summary>contract.md: pending -> confirmed | rejected | cancelled; confirmed -> shipped | cancelled; shipped -> delivered.</summary>
    private static readonly HashSet<(string From, string To)> Allowed =
    [
        ("pending", "confirmed"), ("pending", "rejected"), ("pending", "cancelled"),
        ("confirmed", "shipped"), ("confirmed", "cancelled"),
        ("shipped", "delivered"),
    ];

    public static TheoryData<string, string> EveryPair()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in OrderStatus.All)
        {
            foreach (var to in OrderStatus.All)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Only_the_contracts_moves_are_allowed(string from, string to) =>
        Assert.Equal(Allowed.Contains((from, to)), OrderStatus.CanMove(from, to));

    [Theory]
    [InlineData(OrderActor.Customer, "cancelled")]
    [InlineData(OrderActor.Stock, "confirmed")]
    [InlineData(OrderActor.Stock, "rejected")]
    [InlineData(OrderActor.Admin, "shipped")]
    [InlineData(OrderActor.Admin, "delivered")]
    public void Each_actor_sets_its_own_statuses(OrderActor actor, string status)
    {
        Assert.True(OrderStatus.MaySet(actor, status));
        Assert.Single(Enum.GetValues<OrderActor>(), other => OrderStatus.MaySet(other, status));
    }

    [Fact]
    public void Nobody_sets_pending_after_placing() =>
        Assert.DoesNotContain(Enum.GetValues<OrderActor>(), actor => OrderStatus.MaySet(actor, OrderStatus.Pending));

    [Theory]
    [InlineData("pending", typeof(OrderPlaced))]
    [InlineData("confirmed", typeof(OrderConfirmed))]
    [InlineData("rejected", typeof(OrderRejected))]
    [InlineData("cancelled", typeof(OrderCancelled))]
    [InlineData("shipped", typeof(OrderShipped))]
    [InlineData("delivered", typeof(OrderDelivered))]
    public void Each_status_has_its_event(string status, Type eventType) =>
        Assert.IsType(eventType, OrderEvent.Announcing(new Order(Guid.NewGuid(), status, [], 0m, DateTime.UtcNow, DateTime.UtcNow)));

    [Fact]
    public void An_order_event_carries_the_documented_fields_only() // docs/events.md
    {
        var announced = OrderEvent.Announcing(new Order(Guid.NewGuid(), OrderStatus.Shipped, [], 10m, DateTime.UtcNow, DateTime.UtcNow));
        var data = System.Text.Json.JsonSerializer.SerializeToElement(announced, announced.GetType(), System.Text.Json.JsonSerializerOptions.Web);
        Assert.Equal(["orderId", "userId", "email", "status", "items", "total"], data.EnumerateObject().Select(property => property.Name));
    }
}

public sealed class OrderStatsTests
{
    [Fact]
    public void Every_status_is_counted_and_revenue_is_confirmed_shipped_and_delivered()
    {
        var stats = OrderStats.From([("confirmed", 2, 30m), ("shipped", 1, 5.5m), ("delivered", 1, 4.5m), ("rejected", 3, 100m), ("cancelled", 1, 7m)]);

        Assert.Equal(OrderStatus.All.Order(), stats.OrdersByStatus.Keys.Order());
        Assert.Equal(0, stats.OrdersByStatus["pending"]);
        Assert.Equal(3, stats.OrdersByStatus["rejected"]);
        Assert.Equal(40m, stats.Revenue);
    }
}
