using Npgsql;
using Shop.Messaging;
using Shop.Orders.Infrastructure;
using Shop.Orders.IntegrationEvents.Events;
using Shop.Orders.Model;

namespace Shop.Orders.Application;

/// <summary>The caller's cart: read it priced, change a line, empty it; every change announces `cart_updated`.</summary>
public sealed class CartService(NpgsqlDataSource dataSource, CartStore carts, CatalogClient catalog, Outbox outbox)
{
    public async Task<Cart> GetAsync(Customer customer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lines = await carts.ReadAsync(connection, customer.Id, cancellationToken);
        return Cart.Price(lines, await catalog.LookupAsync(lines.Select(line => line.ProductId), cancellationToken));
    }

    /// <summary>Sets a line (0 removes it); nothing is written when the product is unknown or the cart is full.</summary>
    public async Task<CartChange> SetLineAsync(Customer customer, Guid productId, int quantity, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await carts.LockAsync(transaction, customer.Id, cancellationToken);
        var lines = CartLine.With(locked.Lines, productId, quantity);
        if (lines.Count > Cart.MaxLines)
        {
            return new CartChange(CartChangeOutcome.Full, null);
        }

        var catalogue = await catalog.LookupAsync(lines.Select(line => line.ProductId), cancellationToken);
        if (quantity > 0 && !catalogue.ContainsKey(productId))
        {
            return new CartChange(CartChangeOutcome.UnknownProduct, null);
        }

        var cart = Cart.Price(lines, catalogue);
        if (!lines.SequenceEqual(locked.Lines))
        {
            await carts.SetLineAsync(transaction, customer.Id, productId, quantity, cancellationToken);
            await PublishAsync(transaction, customer, cart, locked.UpdatedAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new CartChange(CartChangeOutcome.Done, cart);
    }

    public async Task ClearAsync(Customer customer, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await carts.LockAsync(transaction, customer.Id, cancellationToken);
        if (locked.Lines.Count > 0)
        {
            await EmptyAsync(transaction, customer, locked.UpdatedAt, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes every line and says so (also how a checkout ends).</summary>
    public async Task EmptyAsync(NpgsqlTransaction transaction, Customer customer, DateTime changedAt, CancellationToken cancellationToken)
    {
        await carts.ClearAsync(transaction, customer.Id, cancellationToken);
        await PublishAsync(transaction, customer, Cart.Empty, changedAt, cancellationToken);
    }

    private Task PublishAsync(NpgsqlTransaction transaction, Customer customer, Cart cart, DateTime changedAt, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(transaction, new CartUpdated(customer.Id, customer.Email, cart.ItemCount, cart.Total, changedAt), cancellationToken);
}

public enum CartChangeOutcome
{
    Done,
    UnknownProduct,
    Full,
}

public sealed record CartChange(CartChangeOutcome Outcome, Cart? Cart);
