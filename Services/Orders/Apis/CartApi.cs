using Microsoft.AspNetCore.Http.HttpResults;
using Shop.Orders.Application;
using Shop.Orders.Model;
using Shop.Http;

namespace Shop.Orders.Apis;

/// <summary>`/cart`: the caller's own cart (contract.md section 3), for any signed-in user.</summary>
public static class CartApi
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/cart").WithTags("Cart").RequireAuthorization().WithCatalogUnavailableAs503();
        api.MapGet(string.Empty, GetAsync);
        api.MapDelete(string.Empty, ClearAsync);
        api.MapPut("/items/{productId}", SetItemAsync);
        api.MapDelete("/items/{productId}", RemoveItemAsync);
        return app;
    }

    public static async Task<Ok<Cart>> GetAsync(Customer customer, CartService carts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await carts.GetAsync(customer, cancellationToken));

    public static async Task<NoContent> ClearAsync(Customer customer, CartService carts, CancellationToken cancellationToken)
    {
        await carts.ClearAsync(customer, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> SetItemAsync(string productId, CartItemRequest request, Customer customer, CartService carts, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var id = errors.Uuid(productId, "productId");
        request.Validate(errors);
        return errors.IsEmpty ? Answer(await carts.SetLineAsync(customer, id, request.Quantity, cancellationToken), id) : errors.ToProblem();
    }

    public static async Task<IResult> RemoveItemAsync(string productId, Customer customer, CartService carts, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var id = errors.Uuid(productId, "productId");
        return errors.IsEmpty ? Answer(await carts.SetLineAsync(customer, id, 0, cancellationToken), id) : errors.ToProblem();
    }

    private static IResult Answer(CartChange change, Guid productId) => change.Outcome switch
    {
        CartChangeOutcome.UnknownProduct => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound, title: "Product not found.", detail: $"There is no product {productId} in the catalogue."),
        CartChangeOutcome.Full => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: "The cart is full.", detail: $"A cart holds at most {Cart.MaxLines} different products."),
        _ => TypedResults.Ok(change.Cart),
    };
}
