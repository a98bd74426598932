using Shop.Access;
using Shop.SystemTests.Hostile;
using Shop.SystemTests.Support;

namespace Shop.SystemTests;

/// <summary>
/// Generated hostile requests against every public route, through the gateway: no 5xx, no success without the
/// right credentials, no other user's data, ProblemDetails for every error, and the data unchanged by every refusal.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HostileInputTests(SystemStack stack)
{
    [Fact]
    public async Task Generated_hostile_requests_are_refused_or_harmless_and_leave_the_data_unchanged()
    {
        var world = await HostileWorld.CreateAsync(stack);
        var cases = HostileCases.Generate(world);
        Assert.True(cases.Count >= 200, $"only {cases.Count} cases");
        var uncovered = AccessTable.Rules
            .Where(rule => rule.Service != "gateway")
            .Where(rule => !cases.Any(hostile => AccessTable.Match(hostile.Method, hostile.Target) == rule))
            .Select(rule => $"{rule.Method} {rule.Template}");
        Assert.Empty(uncovered);

        var failures = await new HostileRunner(world).RunAsync(cases);

        Assert.True(failures.Count == 0, $"{failures.Count} failure(s) in {cases.Count} cases:\n\n{string.Join("\n\n", failures.Take(60))}");
    }
}
