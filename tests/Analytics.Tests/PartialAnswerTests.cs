using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Shop.Analytics.Tests.Support;
using Shop.DevStack;

namespace Shop.Analytics.Tests;

/// <summary>A service that is down or hangs makes only its own part null; `/stats` still answers 200, quickly.</summary>
[Collection(AnalyticsCollection.Name)]
public sealed class PartialAnswerTests(AnalyticsStack stack)
{
    /// <summary>
    /// The gateway's per-service timeout plus generous room for a busy two-core machine, and well below the
    /// client's own 30 s: a gateway that waited on the frozen service would fail here.
    /// </summary>
    private static readonly TimeSpan Quickly = AnalyticsStack.ServiceTimeout + TimeSpan.FromSeconds(12);

    [Fact]
    public async Task A_stopped_notifications_service_leaves_only_mails_sent_null()
    {
        var admin = await stack.AdminAsync();
        var notifications = stack.Service(ShopProject.Notifications);
        await notifications.StopAsync();
        try
        {
            var (body, elapsed) = await TimedStatsAsync(admin);

            Assert.True(elapsed < Quickly, $"took {elapsed}");
            AssertNullParts(body, "mailsSent");
        }
        finally
        {
            await notifications.StartAsync();
        }

        AssertNullParts(await admin.StatsJsonAsync());
    }

    [Fact]
    public async Task A_frozen_products_service_leaves_only_products_null_after_the_timeout()
    {
        var admin = await stack.AdminAsync();
        var products = stack.Service(ShopProject.Products);
        var pid = products.Pid ?? throw new InvalidOperationException("products is not running");

        // SIGSTOP: the process keeps its port (connections are accepted by the kernel) but never answers.
        Signal("STOP", pid);
        try
        {
            var (body, elapsed) = await TimedStatsAsync(admin);

            Assert.True(elapsed < Quickly, $"took {elapsed}");
            AssertNullParts(body, "products");
        }
        finally
        {
            Signal("CONT", pid);
        }

        await admin.WaitForCatalogueAsync();
        AssertNullParts(await admin.StatsJsonAsync());
    }

    private static async Task<(JsonElement Body, TimeSpan Elapsed)> TimedStatsAsync(ShopApi admin)
    {
        var clock = Stopwatch.StartNew();
        using var response = await admin.GetStatsAsync();
        var body = await ShopApi.ReadAsync(response, HttpStatusCode.OK);
        return (body, clock.Elapsed);
    }

    /// <summary>Exactly <paramref name="nullFields"/> are present and null; every other total has its value.</summary>
    private static void AssertNullParts(JsonElement body, params string[] nullFields)
    {
        foreach (var field in Stats.Fields)
        {
            Assert.True(body.TryGetProperty(field, out var value), $"{field} is missing (a null part is written as null, not left out)");
            Assert.True(nullFields.Contains(field) == (value.ValueKind == JsonValueKind.Null), $"{field} is {value}");
        }
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
