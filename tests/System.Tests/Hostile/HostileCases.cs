using Shop.SystemTests.Support;

namespace Shop.SystemTests.Hostile;

/// <summary>Every generated hostile case, numbered in a stable order so a failure can be found again.</summary>
public static class HostileCases
{
    public static IReadOnlyList<HostileCase> Generate(HostileWorld world) =>
        BodyCases.All(JsonRoute.All(world, () => SystemStack.NewEmail("hostile")))
            .Concat(AccessCases.All(world))
            .Concat(RequestCases.All(world))
            .Select((hostile, index) => hostile with { Index = index + 1 })
            .ToList();
}
