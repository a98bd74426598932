using Shop.Products.Model;
using Shop.Http;

namespace Shop.Catalog.Tests.Unit;

public sealed class ProductInputTests
{
    [Fact]
    public void A_sound_product_passes() =>
        Assert.True(Errors(new ProductRequest("Kettle", 19.99m, 5, "Boils water.\nFast.")).IsEmpty);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tname")]
    [InlineData("nul\0name")]
    public void Blank_or_control_or_broken_names_are_refused(string name) =>
        Assert.False(Errors(new ProductRequest(name, 1m, 1)).IsEmpty);

    [Fact]
    public void An_unpaired_surrogate_is_refused()
    {
        // Built at run time: a compiled attribute argument cannot hold an unpaired surrogate.
        var broken = "lone " + (char)0xD800 + " surrogate";

        Assert.False(Errors(new ProductRequest(broken, 1m, 1)).IsEmpty);
        Assert.False(TextRules.IsPlainText("ends " + (char)0xDC00, allowLineBreaks: true));
    }

    [Fact]
    public void Length_limits_are_exact()
    {
        Assert.True(Errors(new ProductRequest(new string('n', 200), 1m, 1, new string('d', 4000))).IsEmpty);
        Assert.False(Errors(new ProductRequest(new string('n', 201), 1m, 1)).IsEmpty);
        Assert.False(Errors(new ProductRequest("n", 1m, 1, new string('d', 4001))).IsEmpty);
    }

    [Fact]
    public void Emoji_are_text_not_broken_unicode() =>
        Assert.True(TextRules.IsPlainText("Mug \U0001F375", allowLineBreaks: false));

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.005")]
    [InlineData("100000000")]
    public void Prices_below_zero_with_three_decimals_or_too_large_are_refused(string price) =>
        Assert.False(Errors(new ProductRequest("Kettle", decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), 1)).IsEmpty);

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_000_001)]
    public void Stock_out_of_range_is_refused(int stock) =>
        Assert.False(Errors(new ProductRequest("Kettle", 1m, stock)).IsEmpty);

    [Fact]
    public void Zero_price_and_zero_stock_are_fine() =>
        Assert.True(Errors(new ProductRequest("Free sample", 0m, 0)).IsEmpty);

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    [InlineData(null, 101)]
    public void Paging_outside_the_contract_is_refused(int? page, int? pageSize)
    {
        var errors = new ValidationErrors();
        Assert.Null(new ProductListQuery(page, pageSize, null, null, null, null).Validate(errors));
    }

    [Fact]
    public void Defaults_are_page_1_of_20_newest_first()
    {
        var filter = new ProductListQuery(null, null, "  ", null, null, null).Validate(new ValidationErrors())!;

        Assert.Equal(new PageRequest(1, 20), filter.Paging);
        Assert.Null(filter.Search);
        Assert.Equal(ProductSort.ToOrderBy("-createdAt"), filter.OrderBy);
    }

    [Theory]
    [InlineData("name; DROP TABLE products")]
    [InlineData("Name")]
    [InlineData("+price")]
    public void Unknown_sorts_are_refused_never_passed_to_sql(string sort) =>
        Assert.Null(new ProductListQuery(null, null, null, sort, null, null).Validate(new ValidationErrors()));

    [Fact]
    public void A_price_range_upside_down_is_refused() =>
        Assert.Null(new ProductListQuery(null, null, null, null, 10m, 5m).Validate(new ValidationErrors()));

    private static ValidationErrors Errors(ProductRequest request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        return errors;
    }
}
