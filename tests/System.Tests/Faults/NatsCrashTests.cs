using Shop.SystemTests.Support;

namespace Shop.SystemTests.Faults;

/// <summary>The short fault CI runs: NATS dies (SIGKILL) in the middle of a burst of orders and comes back.</summary>
[Collection(SystemCollection.Name)]
public sealed class NatsCrashTests(SystemStack stack)
{
    [Fact]
    public async Task Orders_placed_around_a_nats_crash_are_each_confirmed_and_mailed_exactly_once()
    {
        var burst = await OrderBurst.PrepareAsync(stack, customerCount: 4, stock: 1000);
        await burst.PlaceAroundAsync(
            60,
            async () =>
            {
                await stack.Stack.Nats.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
                await stack.Stack.Nats.StartAsync();
            },
            TimeSpan.FromSeconds(120));

        await burst.AssertSettledOnceAsync(TimeSpan.FromSeconds(150));
    }
}
