using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Messaging;
using Shop.Orders.Infrastructure;
using Shop.Orders.IntegrationEvents.Events;
using Shop.Orders.Model;
using Shop.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Shop.Orders.Application;

/// <summary>
/// `POST /order`: prices the items (or the cart) at the catalogue's current prices and stores a pending order,
/// announcing `order_placed` in the same transaction. With an Idempotency-Key the key is claimed first, so a
/// retry (even a concurrent one) waits and then replays the first answer byte for byte instead of ordering again.
/// </summary>
public sealed class OrderPlacement(
    NpgsqlDataSource dataSource,
    OrderStore orders,
    CartStore carts,
    CartService cartService,
    CatalogClient catalog,
    Outbox outbox,
    IOptions<JsonOptions> json)
{
    public async Task<Placement> PlaceAsync(Customer customer, PlaceOrderRequest? request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var fingerprint = PlaceOrderRequest.Fingerprint(request);
        var orderId = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            if (idempotencyKey is null || await orders.ClaimKeyAsync(transaction, customer.Id, idempotencyKey, fingerprint, orderId, cancellationToken))
            {
                var placement = await CreateAsync(transaction, customer, orderId, request, cancellationToken);
                if (placement.Outcome == PlacementOutcome.Created)
                {
                    if (idempotencyKey is not null)
                    {
                        await orders.SaveResponseAsync(transaction, customer.Id, idempotencyKey, placement.Body!, cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                }

                return placement;
            }
        }

        var earlier = await orders.FindResponseAsync(connection, customer.Id, idempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException("A claimed Idempotency-Key has no stored response.");
        return CryptographicOperations.FixedTimeEquals(earlier.RequestHash, fingerprint)
            ? new Placement(PlacementOutcome.Created, earlier.OrderId, earlier.Response)
            : new Placement(PlacementOutcome.KeyReused, earlier.OrderId);
    }

    private async Task<Placement> CreateAsync(NpgsqlTransaction transaction, Customer customer, Guid orderId, PlaceOrderRequest? request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var cart = request is null ? await carts.LockAsync(transaction, customer.Id, cancellationToken) : null;
        var lines = cart?.Lines ?? request!.Items.Select(item => new CartLine(item.ProductId, item.Quantity)).ToList();
        var catalogue = await catalog.LookupAsync(lines.Select(line => line.ProductId), cancellationToken);
        for (var index = 0; request is not null && index < lines.Count; index++)
        {
            if (!catalogue.ContainsKey(lines[index].ProductId))
            {
                errors.Add($"items[{index}].productId", "There is no such product in the catalogue.");
            }
        }

        var priced = Cart.Price(lines, catalogue);
        if (request is null && priced.Items.Count == 0)
        {
            errors.Add("cart", "The cart has nothing that can be ordered.");
        }

        if (!errors.IsEmpty)
        {
            return new Placement(PlacementOutcome.Invalid, Errors: errors);
        }

        var order = await orders.InsertAsync(transaction, orderId, customer, priced, cancellationToken);
        await outbox.EnqueueAsync(transaction, new OrderPlaced(order), cancellationToken);
        if (cart is not null)
        {
            await cartService.EmptyAsync(transaction, customer, cart.UpdatedAt, cancellationToken);
        }

        return new Placement(PlacementOutcome.Created, order.Id, JsonSerializer.Serialize(order, json.Value.SerializerOptions));
    }
}

public enum PlacementOutcome
{
    /// <summary>Created now, or earlier by a request with the same key and body (Body is the first answer).</summary>
    Created,

    /// <summary>The key was used before with a different request (422).</summary>
    KeyReused,

    Invalid,
}

public sealed record Placement(PlacementOutcome Outcome, Guid OrderId = default, string? Body = null, ValidationErrors? Errors = null);
