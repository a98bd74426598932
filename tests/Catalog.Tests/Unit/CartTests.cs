using Shop.Orders.Model;

namespace Shop.Catalog.Tests.Unit;

public sealed class CartTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    [Fact]
    public void Changing_a_line_keeps_its_place_and_a_new_line_goes_last() =>
        Assert.Equal(
            [new CartLine(First, 7), new CartLine(Second, 1)],
            CartLine.With(CartLine.With([new CartLine(First, 2)], Second, 1), First, 7));

    [Fact]
    public void Quantity_zero_removes_the_line_and_removing_an_absent_line_changes_nothing()
    {
        List<CartLine> lines = [new(First, 2), new(Second, 3)];

        Assert.Equal([new CartLine(Second, 3)], CartLine.With(lines, First, 0));
        Assert.Equal(lines, CartLine.With(lines, Guid.NewGuid(), 0));
    }

    [Fact]
    public void Pricing_uses_the_catalogue_and_leaves_out_products_that_are_gone()
    {
        var cart = Cart.Price(
            [new CartLine(First, 3), new CartLine(Second, 1)],
            new Dictionary<Guid, CatalogProduct> { [First] = new(First, "Kettle", 19.99m) });

        var line = Assert.Single(cart.Items);
        Assert.Equal(new PricedLine(First, "Kettle", 19.99m, 3, 59.97m), line);
        Assert.Equal(59.97m, cart.Total);
        Assert.Equal(3, cart.ItemCount);
    }
}
