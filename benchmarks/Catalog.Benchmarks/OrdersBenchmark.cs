using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.DevStack;

namespace Shop.Catalog.Benchmarks;

/// <summary>
/// Orders per second end to end: signed-in customers place orders (`POST /order` with items) as fast as they can,
/// and each order counts when its `order_confirmed` event appears, that is after orders stored it and announced
/// it, products reserved the stock and answered, and orders confirmed it. Placement alone (the 201) is the
/// reference measured in the same run.
/// </summary>
internal static class OrdersBenchmark
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(BenchmarkStack run, BenchmarkOptions options, Report report)
    {
        await using var events = await EventWatch.StartAsync(run.Stack.Nats.ConnectionString);
        var customers = await Task.WhenAll(Enumerable.Range(0, options.OrderConcurrency).Select(index => SignInAsync(run, events, index)));
        var products = await run.ProductIdsAsync(1000);
        try
        {
            await ConfirmationsAsync(events, await PlaceAllAsync(customers, products, Math.Min(20, options.Orders)));
            var meter = new CpuMeter([.. run.Stack.Instances[ShopProject.Orders], .. run.Stack.Instances[ShopProject.Products], run.Stack.Postgres, run.Stack.Nats]);
            var cpuBefore = meter.ByComponent();
            var ((placed, confirmed), cpuPerOrder) = await meter.MeasureAsync(
                async () =>
                {
                    var placed = await PlaceAllAsync(customers, products, options.Orders);
                    return (placed, await ConfirmationsAsync(events, placed));
                },
                _ => options.Orders);
            var placementSeconds = Stopwatch.GetElapsedTime(placed.Min(order => order.Started), placed.Max(order => order.Answered)).TotalSeconds;
            var totalSeconds = Stopwatch.GetElapsedTime(placed.Min(order => order.Started), confirmed.Max(@event => @event.Timestamp)).TotalSeconds;

            report.Line(string.Empty);
            report.Line($"Orders, {options.Orders} orders of 1-3 lines over 1,000 products by {options.OrderConcurrency} customers placing in parallel, {options.Replicas} replica(s) of each service (orders services direct, customers spread over them):");
            report.Table("measure", "orders/s", "p50 ms", "p99 ms");
            void Row(string measure, object rate, Func<PlacedOrder, (long From, long To)> interval)
            {
                var sorted = placed.Select(interval).Select(span => Stopwatch.GetElapsedTime(span.From, span.To).TotalMilliseconds).Order().ToList();
                report.Row(measure, rate, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
            }

            long Seen(PlacedOrder order, string subject) => events.Seen(subject, order.OrderId.ToString());

            Row("reference: placed (POST /order answered 201, pending)", options.Orders / placementSeconds, order => (order.Started, order.Answered));
            Row("end to end: placed -> order_confirmed", options.Orders / totalSeconds, order => (order.Started, Seen(order, "msg.orders.order_confirmed")));
            Row("stage: 201 -> order_placed on NATS (orders outbox relay)", "-", order => (order.Answered, Seen(order, "msg.orders.order_placed")));
            Row("stage: -> stock_reserved (products consumer, outbox relay)", "-", order => (Seen(order, "msg.orders.order_placed"), Seen(order, "msg.products.stock_reserved")));
            Row("stage: -> order_confirmed (orders consumer, outbox relay)", "-", order => (Seen(order, "msg.products.stock_reserved"), Seen(order, "msg.orders.order_confirmed")));
            var split = meter.ByComponent().Select(pair => $"{pair.Key} {(pair.Value - cpuBefore[pair.Key]).TotalMilliseconds / options.Orders:0.0}");
            report.Line($"CPU per order, placed to confirmed: {cpuPerOrder / 1000:0.0} ms ({string.Join(", ", split)}).");
        }
        finally
        {
            foreach (var customer in customers)
            {
                customer.Dispose();
            }
        }
    }

    /// <summary>Places <paramref name="count"/> orders, each customer one at a time, all customers at once.</summary>
    private static async Task<List<PlacedOrder>> PlaceAllAsync(HttpClient[] customers, IReadOnlyList<Guid> products, int count)
    {
        var placed = new ConcurrentBag<PlacedOrder>();
        var next = -1;
        await Task.WhenAll(customers.Select(async customer =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var items = Enumerable.Range(0, 1 + Random.Shared.Next(3))
                    .Select(_ => products[Random.Shared.Next(products.Count)])
                    .Distinct()
                    .Select(productId => new { productId, quantity = 1 + Random.Shared.Next(3) });
                var started = Stopwatch.GetTimestamp();
                using var response = await customer.PostAsJsonAsync("/order", new { items });
                var answered = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"POST /order answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                var order = await response.Content.ReadFromJsonAsync<JsonElement>();
                placed.Add(new PlacedOrder(order.GetProperty("id").GetGuid(), started, answered));
            }
        }));
        return placed.ToList();
    }

    private static Task<(JsonElement Data, long Timestamp)[]> ConfirmationsAsync(EventWatch events, List<PlacedOrder> placed) =>
        Task.WhenAll(placed.Select(order => events.WaitAsync("msg.orders.order_confirmed", order.OrderId.ToString(), SettleTimeout)));

    /// <summary>A real sign-in: the code is read from the `login_code_requested` event, as notifications reads it.</summary>
    private static async Task<HttpClient> SignInAsync(BenchmarkStack run, EventWatch events, int customer)
    {
        var email = $"buyer-{customer}@bench.test";
        using var auth = new HttpClient { BaseAddress = new Uri(run.Stack.Service(ShopProject.Auth).Url) };
        (await auth.PostAsJsonAsync("/auth/login", new { email })).EnsureSuccessStatusCode();
        var (data, _) = await events.WaitAsync("msg.auth.login_code_requested", email, TimeSpan.FromSeconds(30));
        using var verify = await auth.PostAsJsonAsync("/auth/verify", new { email, code = Shop.ServiceDefaults.Secrets.SignInCodeCipher.Development().Decrypt(data.GetProperty("encryptedCode").GetString()!, email) });
        verify.EnsureSuccessStatusCode();
        var token = (await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = new Uri(run.OrdersUrlFor(customer)), Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    private sealed record PlacedOrder(Guid OrderId, long Started, long Answered);
}
