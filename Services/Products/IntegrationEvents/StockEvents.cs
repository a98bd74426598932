using Shop.Products.Model;

namespace Shop.Products.IntegrationEvents;

/// <summary>What products reads from `order_placed` and `order_cancelled` (the rest of their data is for others).</summary>
public sealed record OrderStockRequest(Guid OrderId, IReadOnlyList<StockLine> Items);

/// <summary>Data of `stock_reserved`.</summary>
public sealed record StockReserved(Guid OrderId, IReadOnlyList<StockLine> Items);

/// <summary>Data of `stock_rejected`.</summary>
public sealed record StockRejected(Guid OrderId, string Reason, IReadOnlyList<StockLine> Items);

/// <summary>Data of `stock_released`.</summary>
public sealed record StockReleased(Guid OrderId, IReadOnlyList<StockLine> Items);
