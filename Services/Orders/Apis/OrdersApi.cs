using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Shop.Orders.Application;
using Shop.Orders.Infrastructure;
using Shop.Orders.Model;
using Shop.ServiceDefaults.Authentication;
using Shop.Http;

namespace Shop.Orders.Apis;

/// <summary>`/order`: place, read and cancel one's own orders; admins ship and deliver (contract.md section 3).</summary>
public static class OrdersApi
{
    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/order").WithTags("Orders").RequireAuthorization().WithCatalogUnavailableAs503();
        api.MapPost(string.Empty, PlaceAsync).WithDescription(
            "Places an order from the items in the body, or from the cart when there is no body. Header `Idempotency-Key` "
            + "(optional, 1 to 255 visible ASCII characters, per user): a retry with the same key and body returns the first answer.");
        api.MapGet(string.Empty, ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPost("/{id}/cancel", CancelAsync);
        api.MapPut("/{id}/status", SetStatusAsync).RequireAuthorization(ShopTokens.AdminPolicy);
        return app;
    }

    /// <summary>No body (or JSON null) checks out the cart; a body names the items.</summary>
    public static async Task<IResult> PlaceAsync(PlaceOrderRequest? request, HttpContext http, Customer customer, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();

        // Read raw rather than bound: an empty or repeated header must be seen to be refused.
        var key = IdempotencyKey.Read(http.Request.Headers[IdempotencyKey.Header], errors);
        request?.Validate(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var placed = await placement.PlaceAsync(customer, request, key, cancellationToken);
        return placed.Outcome switch
        {
            PlacementOutcome.Invalid => placed.Errors!.ToProblem(),
            PlacementOutcome.KeyReused => TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "This Idempotency-Key was used for a different request.",
                detail: $"The key already placed order {placed.OrderId} with another body; use a new key for a new order."),
            _ => Created(http, placed),
        };
    }

    public static async Task<IResult> ListAsync(int? page, int? pageSize, Customer customer, NpgsqlDataSource dataSource, OrderStore orders, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await orders.ListAsync(connection, customer.Id, paging, cancellationToken));
    }

    public static async Task<IResult> GetAsync(string id, Customer customer, NpgsqlDataSource dataSource, OrderStore orders, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var orderId = errors.Uuid(id, "id");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await orders.FindAsync(connection, orderId, customer.Id, cancellationToken) is { } order ? TypedResults.Ok(order) : NotFound(orderId);
    }

    public static Task<IResult> CancelAsync(string id, Customer customer, NpgsqlDataSource dataSource, OrderTransitions transitions, CancellationToken cancellationToken) =>
        MoveAsync(id, OrderActor.Customer, customer.Id, OrderStatus.Cancelled, new ValidationErrors(), dataSource, transitions, cancellationToken);

    /// <summary>Admins may set shipped (from confirmed) and delivered (from shipped) on anyone's order.</summary>
    public static Task<IResult> SetStatusAsync(string id, OrderStatusRequest request, NpgsqlDataSource dataSource, OrderTransitions transitions, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        return MoveAsync(id, OrderActor.Admin, null, request.Status, errors, dataSource, transitions, cancellationToken);
    }

    private static async Task<IResult> MoveAsync(
        string id, OrderActor actor, Guid? customerId, string status, ValidationErrors errors, NpgsqlDataSource dataSource, OrderTransitions transitions, CancellationToken cancellationToken)
    {
        var orderId = errors.Uuid(id, "id");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var transition = await transitions.MoveAsync(transaction, orderId, actor, customerId, status, reason: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return transition switch
        {
            { Outcome: TransitionOutcome.NotFound } => NotFound(orderId),
            { Outcome: TransitionOutcome.Refused, Order: { } order } => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The order cannot move to that status.",
                detail: $"Order {orderId} is {order.Status}; it cannot become {status}."),
            _ => TypedResults.Ok(transition.Order),
        };
    }

    /// <summary>201 with the stored body, so a replay under the same Idempotency-Key is byte-identical to the first answer.</summary>
    private static IResult Created(HttpContext context, Placement placed)
    {
        context.Response.Headers.Location = $"/order/{placed.OrderId}";
        return TypedResults.Text(placed.Body, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found.", detail: $"You have no order {id}.");
}
