using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Shop.Testing;

namespace Shop.SystemTests.Support;

/// <summary>
/// Many customers ordering one product at once, the way a fault test needs them: each order has its own
/// Idempotency-Key and is retried with it while the system answers 5xx or not at all, as a careful client would.
/// Afterwards <see cref="AssertSettledOnceAsync"/> checks that nothing was lost or done twice.
/// </summary>
public sealed class OrderBurst
{
    private readonly SystemStack stack;
    private readonly IReadOnlyList<Shopper> customers;
    private readonly ConcurrentBag<(Shopper Customer, Guid Order)> placed = [];

    private OrderBurst(SystemStack stack, Product product, IReadOnlyList<Shopper> customers)
    {
        this.stack = stack;
        Product = product;
        this.customers = customers;
    }

    public Product Product { get; }

    public int Placed => placed.Count;

    public static async Task<OrderBurst> PrepareAsync(SystemStack stack, int customerCount, int stock)
    {
        var admin = await stack.AdminAsync();
        var product = await admin.CreateProductAsync($"Burst item {Guid.NewGuid():N}", 3.10m, stock);
        var customers = new List<Shopper>();
        for (var index = 0; index < customerCount; index++)
        {
            customers.Add(await stack.NewCustomerAsync("burst"));
        }

        return new OrderBurst(stack, product, customers);
    }

    /// <summary>Places <paramref name="count"/> orders of one unit, <paramref name="parallel"/> at a time.</summary>
    public Task PlaceAsync(int count, int parallel = 8) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (index, _) =>
        {
            var customer = customers[index % customers.Count];
            placed.Add((customer, await PlaceOneAsync(customer)));
        });

    /// <summary>Places <paramref name="count"/> orders and runs <paramref name="fault"/> once a fifth of them are placed.</summary>
    public async Task PlaceAroundAsync(int count, Func<Task> fault, TimeSpan timeout)
    {
        var ordering = PlaceAsync(count);
        await Eventually.GetAsync(() => Task.FromResult(Placed), placed => placed >= count / 5 || ordering.IsCompleted, timeout, "first orders placed");
        await fault();
        await ordering;
    }

    /// <summary>Every order confirmed, the stock down by exactly one unit per order, and one confirmation mail per order.</summary>
    public async Task AssertSettledOnceAsync(TimeSpan timeout)
    {
        var orders = placed.ToList();
        Assert.Equal(orders.Count, orders.Select(order => order.Order).Distinct().Count());
        foreach (var group in orders.GroupBy(order => order.Customer))
        {
            var listed = await Eventually.GetAsync(
                () => group.Key.OrdersAsync(pageSize: 100),
                page => page.Items.All(order => order.Status == "confirmed"),
                timeout,
                $"{group.Key.Email}'s orders confirmed");
            Assert.Equal(group.Select(order => order.Order).Order(), listed.Items.Select(order => order.Id).Order());
        }

        await Eventually.GetAsync(() => customers[0].ProductAsync(Product.Id), product => product.Stock <= Product.Stock - orders.Count, timeout, "stock reserved");
        Assert.Equal(Product.Stock - orders.Count, (await customers[0].ProductAsync(Product.Id)).Stock);

        var subjects = orders.Select(order => Mails.OrderStatus(order.Order, "confirmed")).ToHashSet();
        var mails = await Eventually.GetAsync(
            async () => (await stack.Mail.ListAsync()).Where(mail => subjects.Contains(mail.Subject)).ToList(),
            found => found.Select(mail => mail.Subject).Distinct().Count() == subjects.Count,
            timeout,
            "one confirmation mail per order");
        var twice = mails.GroupBy(mail => mail.Subject).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.True(twice.Count == 0, $"mailed more than once: {string.Join(", ", twice)}");
    }

    private async Task<Guid> PlaceOneAsync(Shopper customer)
    {
        var key = Guid.NewGuid().ToString();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            try
            {
                using var response = await customer.SendOrderAsync([new OrderItem(Product.Id, 1)], key);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    return (await response.Content.ReadFromJsonAsync<Order>())!.Id;
                }

                Assert.True((int)response.StatusCode >= 500, $"order refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "an order could not be placed within 3 minutes");
            await Task.Delay(500);
        }
    }
}
