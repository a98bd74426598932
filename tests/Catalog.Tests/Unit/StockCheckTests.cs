using Shop.Products.Model;

namespace Shop.Catalog.Tests.Unit;

public sealed class StockCheckTests
{
    private static readonly Guid Kettle = Guid.NewGuid();
    private static readonly Guid Mug = Guid.NewGuid();

    [Fact]
    public void Enough_of_everything_is_no_shortage() =>
        Assert.Null(StockCheck.FindShortage([new(Kettle, 2), new(Mug, 5)], new Dictionary<Guid, int> { [Kettle] = 2, [Mug] = 9 }));

    [Fact]
    public void One_short_line_refuses_the_whole_order() =>
        Assert.Contains(Mug.ToString(), StockCheck.FindShortage([new(Kettle, 1), new(Mug, 6)], new Dictionary<Guid, int> { [Kettle] = 2, [Mug] = 5 }), StringComparison.Ordinal);

    [Fact]
    public void A_product_named_twice_counts_its_units_together() =>
        Assert.NotNull(StockCheck.FindShortage([new(Kettle, 2), new(Kettle, 2)], new Dictionary<Guid, int> { [Kettle] = 3 }));

    [Fact]
    public void A_product_not_in_the_catalogue_is_a_shortage() =>
        Assert.Contains("not in the catalogue", StockCheck.FindShortage([new(Kettle, 1)], new Dictionary<Guid, int>()), StringComparison.Ordinal);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_quantity_that_is_not_positive_is_refused_rather_than_adding_stock(int quantity)
    {
        Assert.Null(StockCheck.Totals([new(Kettle, quantity)]));
        Assert.NotNull(StockCheck.FindShortage([new(Kettle, quantity)], new Dictionary<Guid, int> { [Kettle] = 10 }));
    }

    [Fact]
    public void An_empty_order_is_refused() =>
        Assert.NotNull(StockCheck.FindShortage([], new Dictionary<Guid, int>()));
}
