using Microsoft.Extensions.Primitives;
using Shop.Orders.Model;
using Shop.Http;

namespace Shop.Catalog.Tests.Unit;

public sealed class OrderInputTests
{
    private static readonly Guid Kettle = Guid.NewGuid();
    private static readonly Guid Mug = Guid.NewGuid();

    [Theory]
    [InlineData("5f0c2a43-3e7c-4f1e-9a53-6a3f0d3c9b11")]
    [InlineData("order-2026-11-22:retry~1")]
    public void Visible_ascii_keys_are_accepted(string key)
    {
        var errors = new ValidationErrors();
        Assert.Equal(key, IdempotencyKey.Read(new StringValues(key), errors));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void No_header_means_no_key()
    {
        var errors = new ValidationErrors();
        Assert.Null(IdempotencyKey.Read(StringValues.Empty, errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ключ")]
    [InlineData("line\nbreak")]
    public void Other_keys_are_refused(string key) =>
        Assert.False(KeyErrors(new StringValues(key)).IsEmpty);

    [Fact]
    public void Over_long_or_repeated_keys_are_refused()
    {
        Assert.True(KeyErrors(new StringValues(new string('k', 255))).IsEmpty);
        Assert.False(KeyErrors(new StringValues(new string('k', 256))).IsEmpty);
        Assert.False(KeyErrors(new StringValues(["a", "b"])).IsEmpty);
    }

    [Fact]
    public void The_fingerprint_tells_requests_apart_but_not_copies()
    {
        var order = new PlaceOrderRequest([new(Kettle, 1), new(Mug, 2)]);

        Assert.Equal(PlaceOrderRequest.Fingerprint(order), PlaceOrderRequest.Fingerprint(new PlaceOrderRequest([new(Kettle, 1), new(Mug, 2)])));
        Assert.NotEqual(PlaceOrderRequest.Fingerprint(order), PlaceOrderRequest.Fingerprint(new PlaceOrderRequest([new(Kettle, 1), new(Mug, 3)])));
        Assert.NotEqual(PlaceOrderRequest.Fingerprint(order), PlaceOrderRequest.Fingerprint(null));
    }

    [Fact]
    public void Items_are_bounded_positive_and_each_product_once()
    {
        Assert.False(Errors(new PlaceOrderRequest([])).IsEmpty);
        Assert.False(Errors(new PlaceOrderRequest([new(Kettle, 0)])).IsEmpty);
        Assert.False(Errors(new PlaceOrderRequest([new(Kettle, 101)])).IsEmpty);
        Assert.False(Errors(new PlaceOrderRequest([new(Kettle, 1), new(Kettle, 1)])).IsEmpty);
        Assert.False(Errors(new PlaceOrderRequest(Enumerable.Range(0, 101).Select(_ => new OrderItemRequest(Guid.NewGuid(), 1)).ToList())).IsEmpty);
        Assert.True(Errors(new PlaceOrderRequest(Enumerable.Range(0, 100).Select(_ => new OrderItemRequest(Guid.NewGuid(), 100)).ToList())).IsEmpty);
    }

    private static ValidationErrors KeyErrors(StringValues values)
    {
        var errors = new ValidationErrors();
        IdempotencyKey.Read(values, errors);
        return errors;
    }

    private static ValidationErrors Errors(PlaceOrderRequest request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        return errors;
    }
}
