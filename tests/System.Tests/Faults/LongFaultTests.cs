using Shop.DevStack;
using Shop.SystemTests.Journeys;
using Shop.SystemTests.Support;

namespace Shop.SystemTests.Faults;

/// <summary>
/// The long faults (SHOP_LONG_TESTS=1): each on a stack of its own, under a burst of orders, then every order
/// must be confirmed once, the stock reserved once and each confirmation mailed once.
/// </summary>
[Trait("Category", "Long")]
public sealed class LongFaultTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(5);

    [LongFact]
    public Task Nats_killed_during_500_orders() => SystemStack.RunAsync(1, null, async stack =>
    {
        var burst = await OrderBurst.PrepareAsync(stack, customerCount: 10, stock: 10_000);
        await DuringAsync(burst, 500, async () =>
        {
            await stack.Stack.Nats.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await stack.Stack.Nats.StartAsync();
        });
    });

    [LongFact]
    public Task Every_service_killed_and_restarted_under_load() => SystemStack.RunAsync(1, null, async stack =>
    {
        var burst = await OrderBurst.PrepareAsync(stack, customerCount: 10, stock: 10_000);
        await DuringAsync(burst, 400, async () =>
        {
            foreach (var service in stack.Stack.Services.Append(stack.Stack.Gateway).ToList())
            {
                await service.KillAsync();
                await service.StartAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        });
    });

    [LongFact]
    public Task Postgres_restarted_under_load() => SystemStack.RunAsync(1, null, async stack =>
    {
        var burst = await OrderBurst.PrepareAsync(stack, customerCount: 10, stock: 10_000);
        await DuringAsync(burst, 300, () => stack.Stack.Postgres.RestartAsync());
    });

    [LongFact]
    public Task Mail_sink_stopped_for_a_minute() => SystemStack.RunAsync(1, null, async stack =>
    {
        var burst = await OrderBurst.PrepareAsync(stack, customerCount: 5, stock: 10_000);
        await stack.Stack.Mail.StopAsync();
        await burst.PlaceAsync(50);
        await Task.Delay(TimeSpan.FromMinutes(1));
        await stack.Stack.Mail.StartAsync();
        await burst.AssertSettledOnceAsync(Recovery);
    });

    /// <summary>Two replicas of every service: the journeys hold, and a replica of each killed under load loses nothing.</summary>
    [LongFact]
    public Task Two_replicas_keep_the_journeys_and_survive_a_replica_kill() => SystemStack.RunAsync(2, null, async stack =>
    {
        var journeys = new ShoppingJourneyTests(stack);
        await journeys.A_customer_signs_in_sets_a_picture_orders_from_the_cart_and_hears_of_every_step();
        await journeys.An_order_beyond_the_stock_is_rejected_and_a_cancelled_one_gives_its_stock_back();
        await journeys.A_cart_left_alone_brings_one_reminder();

        var burst = await OrderBurst.PrepareAsync(stack, customerCount: 10, stock: 10_000);
        await DuringAsync(burst, 300, async () =>
        {
            foreach (var project in ShopProject.Services)
            {
                await stack.Stack.Service(project, replica: 0).KillAsync();
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            foreach (var project in ShopProject.Services)
            {
                await stack.Stack.Service(project, replica: 0).StartAsync();
            }
        });
    });

    private static async Task DuringAsync(OrderBurst burst, int orders, Func<Task> fault)
    {
        await burst.PlaceAroundAsync(orders, fault, Recovery);
        await burst.AssertSettledOnceAsync(Recovery);
    }
}
