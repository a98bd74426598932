using Shop.ServiceDefaults.Errors;

namespace Shop.Auth.Tests.Unit;

/// <summary>What refused requests may put in the log (issue 19, point 5): one line each, and not too many per client.</summary>
public sealed class RefusalLogTests
{
    [Theory]
    [InlineData("email\nFORGED line", "email\\nFORGED line")]
    [InlineData("a\r\nb\tc\u001b[31m", "a\\r\\nb\\tc\\u001b[31m")]
    [InlineData("line\u2028separator", "line\\u2028separator")]
    [InlineData("plain text", "plain text")]
    public void Control_characters_become_visible_escapes(string value, string logged) =>
        Assert.Equal(logged, LogText.Sanitize(value));

    [Fact]
    public void Long_values_are_cut()
    {
        var logged = LogText.Sanitize(new string('x', 5000) + "\n");

        Assert.Equal(LogText.MaxLength + 1, logged.Length);
        Assert.DoesNotContain('\n', logged);
    }

    [Fact]
    public void A_client_gets_a_few_full_lines_a_minute_and_the_rest_is_counted()
    {
        var time = new SteppedTime();
        var sampler = new RefusalLogSampler(time);

        var logged = Enumerable.Range(0, 100).Count(_ => sampler.ShouldLog("10.0.0.1", out _));
        Assert.Equal(RefusalLogSampler.FullPerWindow, logged);
        Assert.True(sampler.ShouldLog("10.0.0.2", out _), "another client has its own budget");

        time.Now += TimeSpan.FromMinutes(1);
        Assert.True(sampler.ShouldLog("10.0.0.1", out var skipped));
        Assert.Equal(100 - RefusalLogSampler.FullPerWindow, skipped);
    }

    private sealed class SteppedTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
