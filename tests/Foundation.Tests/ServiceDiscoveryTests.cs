using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shop.DevStack;

namespace Shop.Foundation.Tests;

/// <summary>
/// The HttpClients AddServiceDefaults gives every service: `http://&lt;name&gt;` goes to the replicas configured as
/// `services__&lt;name&gt;__http__&lt;i&gt;` in turn, and a call that meets a replica that is gone is retried on another.
/// </summary>
public sealed class ServiceDiscoveryTests
{
    [Fact]
    public async Task Calls_to_a_service_name_are_spread_over_its_replicas()
    {
        await using var first = await Replica.StartAsync("first");
        await using var second = await Replica.StartAsync("second");
        using var host = await ServiceHostAsync(first.Url, second.Url);
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        var answers = new List<string>();
        for (var call = 0; call < 4; call++)
        {
            answers.Add(await client.GetStringAsync(new Uri("http://products/who")));
        }

        Assert.Equal(2, answers.Count(answer => answer == "first"));
        Assert.Equal(2, answers.Count(answer => answer == "second"));
    }

    [Fact]
    public async Task A_call_that_meets_a_dead_replica_is_retried_on_another()
    {
        await using var live = await Replica.StartAsync("live");
        var dead = $"http://127.0.0.1:{Ports.GetFree()}";
        using var host = await ServiceHostAsync(dead, live.Url);
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient();

        for (var call = 0; call < 4; call++)
        {
            using var response = await client.GetAsync(new Uri("http://products/who"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("live", await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A host set up as every Shop service is, told where the replicas of `products` are.</summary>
    private static async Task<IHost> ServiceHostAsync(params string[] replicas)
    {
        var builder = Host.CreateApplicationBuilder();
        for (var index = 0; index < replicas.Length; index++)
        {
            builder.Configuration[$"services:products:http:{index}"] = replicas[index];
        }

        builder.AddServiceDefaults();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A real server on a loopback port that answers `GET /who` with its name.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private readonly WebApplication app;

        private Replica(WebApplication app, string url)
        {
            this.app = app;
            Url = url;
        }

        public string Url { get; }

        public static async Task<Replica> StartAsync(string name)
        {
            var url = $"http://127.0.0.1:{Ports.GetFree()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(url);
            var app = builder.Build();
            app.MapGet("/who", () => Results.Text(name));
            await app.StartAsync();
            return new Replica(app, url);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
