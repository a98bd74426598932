namespace Shop.SystemTests.Support;

/// <summary>The public API's resources as contract.md section 3 names them (read with camelCase web defaults).</summary>
public sealed record Product(Guid Id, string Name, string Description, decimal Price, int Stock, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record Line(Guid ProductId, string Name, decimal UnitPrice, int Quantity, decimal LineTotal);

public sealed record Cart(IReadOnlyList<Line> Items, decimal Total);

public sealed record Order(Guid Id, string Status, IReadOnlyList<Line> Items, decimal Total, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Where an order stops moving by itself: the stock events have been handled.</summary>
    public bool IsSettled => Status != "pending";
}

public sealed record Me(Guid Id, string Email, IReadOnlyList<string> Roles, bool EmailVerified, string? AvatarUrl, DateTimeOffset CreatedAt);

/// <summary>One line of an order request.</summary>
public sealed record OrderItem(Guid ProductId, int Quantity);
