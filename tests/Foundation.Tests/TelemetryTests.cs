using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Shop.Foundation.Tests;

/// <summary>AddServiceDefaults traces requests and Shop's own sources, and leaves health probes out.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Requests_and_shop_sources_are_traced_but_probes_are_not()
    {
        var exported = new List<Activity>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported));
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        using var messaging = new ActivitySource("Shop.Messaging");
        app.MapGet("/items", () =>
        {
            using var publish = messaging.StartActivity("msg.orders.order_placed publish");
            return "ok";
        });
        await app.StartAsync();
        var client = app.GetTestClient();

        await client.GetStringAsync(new Uri("/items", UriKind.Relative));
        await client.GetAsync(new Uri("/health", UriKind.Relative));
        await client.GetAsync(new Uri("/alive", UriKind.Relative));
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var request = Assert.Single(exported, activity => activity.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal("/items", request.GetTagItem("url.path"));
        var publish = Assert.Single(exported, activity => activity.Source.Name == "Shop.Messaging");
        Assert.Equal(request.TraceId, publish.TraceId);
    }
}
