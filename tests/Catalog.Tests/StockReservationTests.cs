using Shop.Catalog.Tests.Support;
using Shop.Messaging;
using Shop.Orders.Model;
using Shop.Products.IntegrationEvents.Handlers;
using OrderEventData = Shop.Orders.IntegrationEvents.Events.OrderEvent;

namespace Shop.Catalog.Tests;

/// <summary>
/// The products service's side of the order saga, driven by publishing order events on JetStream as the orders
/// service does: all-or-nothing reservation, release exactly once, and a cancel that overtakes its order.
/// </summary>
[Collection(CatalogCollection.Name)]
public sealed class StockReservationTests(CatalogStack stack)
{
    [Fact]
    public async Task An_order_is_reserved_in_full_or_not_at_all()
    {
        var kettle = await CreateProductAsync(stock: 5);
        var mug = await CreateProductAsync(stock: 2);

        var first = await PlaceAsync((kettle, 3), (mug, 2));
        await stack.Events.WaitForAsync("stock_reserved", EventLog.ForOrder(first));
        var second = await PlaceAsync((kettle, 1), (mug, 1));
        var rejected = Assert.Single(await stack.Events.WaitForAsync("stock_rejected", EventLog.ForOrder(second)));

        Assert.Contains(mug.ToString(), rejected.Data.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await StockAsync(kettle));
        Assert.Equal(0, await StockAsync(mug));
    }

    [Fact]
    public async Task A_cancel_delivered_twice_releases_the_stock_once()
    {
        var lamp = await CreateProductAsync(stock: 4);
        var orderId = await PlaceAsync((lamp, 3));
        await stack.Events.WaitForAsync("stock_reserved", EventLog.ForOrder(orderId));
        Assert.Equal(1, await StockAsync(lamp));

        var cancel = OrderEvent("order_cancelled", orderId, OrderStatus.Cancelled, (lamp, 3));
        await stack.Events.PublishAsync(cancel, copy: "-first");
        await stack.Events.PublishAsync(cancel, copy: "-second");
        await stack.Events.PublishAsync(OrderEvent("order_cancelled", orderId, OrderStatus.Cancelled, (lamp, 3)));
        await SettleAsync();
        await FenceAsync();

        Assert.Single(stack.Events.Find("stock_released", EventLog.ForOrder(orderId)));
        Assert.Equal(4, await StockAsync(lamp));
    }

    [Fact]
    public async Task A_cancel_that_overtakes_its_order_leaves_nothing_reserved()
    {
        var chair = await CreateProductAsync(stock: 3);
        var orderId = Guid.CreateVersion7();

        await stack.Events.PublishAsync(OrderEvent("order_cancelled", orderId, OrderStatus.Cancelled, (chair, 2)));
        await SettleAsync();
        await stack.Events.PublishAsync(OrderEvent("order_placed", orderId, OrderStatus.Pending, (chair, 2)));
        await SettleAsync();
        await FenceAsync();

        Assert.Empty(stack.Events.Find("stock_reserved", EventLog.ForOrder(orderId)));
        Assert.Empty(stack.Events.Find("stock_released", EventLog.ForOrder(orderId)));
        Assert.Equal(3, await StockAsync(chair));
    }

    [Fact]
    public async Task Fifty_orders_for_the_last_ten_units_reserve_exactly_ten()
    {
        var lastUnits = await CreateProductAsync(stock: 10);

        var orders = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PlaceAsync((lastUnits, 1))));
        await SettleAsync();
        await FenceAsync();

        var reserved = orders.Count(order => stack.Events.Find("stock_reserved", EventLog.ForOrder(order)).Count == 1);
        var rejected = orders.Count(order => stack.Events.Find("stock_rejected", EventLog.ForOrder(order)).Count == 1);
        Assert.Equal((10, 40), (reserved, rejected));
        Assert.Equal(0, await StockAsync(lastUnits));
    }

    private async Task<Guid> PlaceAsync(params (Guid ProductId, int Quantity)[] lines)
    {
        var orderId = Guid.CreateVersion7();
        await stack.Events.PublishAsync(OrderEvent("order_placed", orderId, OrderStatus.Pending, lines));
        return orderId;
    }

    /// <summary>Waits until products has handled every order event published so far.</summary>
    private Task SettleAsync() => stack.Events.WaitUntilHandledAsync(OrderPlacedHandler.Consumer, OrderCancelledHandler.Consumer);

    /// <summary>
    /// Waits until every event products published for what it has handled so far is in the event log: they reach
    /// NATS after the handler's commit, through the outbox, in order, so once a later reservation's event arrives
    /// the earlier ones have too.
    /// </summary>
    private async Task FenceAsync()
    {
        var fence = await PlaceAsync((await CreateProductAsync(stock: 1), 1));
        await stack.Events.WaitForAsync("stock_reserved", EventLog.ForOrder(fence));
    }

    private static CloudEvent OrderEvent(string eventName, Guid orderId, string status, params (Guid ProductId, int Quantity)[] lines)
    {
        var items = lines.Select(line => PricedLine.Create(line.ProductId, "Test product", 2.50m, line.Quantity)).ToList();
        var order = new Order(orderId, status, items, items.Sum(item => item.LineTotal), DateTime.UtcNow, DateTime.UtcNow) { UserId = Guid.NewGuid(), Email = "buyer@catalog.test" };
        var data = OrderEventData.Announcing(order);
        return CloudEvent.Create("orders", eventName, data, DateTimeOffset.UtcNow);
    }

    private async Task<Guid> CreateProductAsync(int stock) =>
        (await stack.CreateProductAsync("Stock test " + Catalogue.NewTag(), 2.50m, stock)).Id();

    private Task<int> StockAsync(Guid productId) => stack.StockAsync(productId);
}
