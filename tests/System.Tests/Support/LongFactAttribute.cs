namespace Shop.SystemTests.Support;

/// <summary>
/// A test too long for every CI run (a fault under hundreds of orders, a replicated stack of its own). It runs when
/// SHOP_LONG_TESTS=1; select only these with the trait: `SHOP_LONG_TESTS=1 ./shop test --filter Category=Long`.
/// Each such test starts its own stack, so a skipped one costs nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LongFactAttribute : FactAttribute
{
    public const string Variable = "SHOP_LONG_TESTS";

    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"long test: set {Variable}=1 to run it";
        }
    }
}
