using System.Net;
using System.Text.Json;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Foundation.Tests;

/// <summary>Every service reports its real dependencies in /health, and follows them down and back up.</summary>
[Collection(StackCollection.Name)]
public sealed class HealthTests(StackFixture fixture)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Aspire.Npgsql names its check of the service's database.</summary>
    private const string Postgres = "PostgreSql";

    public static TheoryData<string, string[]> Dependencies => new()
    {
        { "auth", [Postgres, "nats", "storage"] },
        { "products", [Postgres, "nats"] },
        { "orders", [Postgres, "nats"] },
        { "notifications", [Postgres, "nats", "mail"] },
    };

    [Theory]
    [MemberData(nameof(Dependencies))]
    public async Task Health_lists_every_dependency_as_healthy(string service, string[] dependencies)
    {
        var (status, checks) = await HealthAsync(Instance(service));

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var dependency in dependencies)
        {
            Assert.Equal("Healthy", checks[dependency]);
        }
    }

    [Fact]
    public async Task Gateway_is_alive_and_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(fixture.Stack.Gateway)).Status);
        Assert.True(await fixture.Stack.Gateway.AnswersAsync("/alive"));
    }

    [Fact]
    public async Task Stopped_postgres_makes_every_service_unready_until_it_returns() =>
        await AssertFollowsDependencyAsync(fixture.Stack.Postgres, Postgres, ShopProject.Services.Select(project => project.Name).ToArray());

    [Fact]
    public async Task Stopped_nats_makes_every_service_unready_until_it_returns() =>
        await AssertFollowsDependencyAsync(fixture.Stack.Nats, "nats", ShopProject.Services.Select(project => project.Name).ToArray());

    [Fact]
    public async Task Stopped_object_storage_makes_auth_unready_until_it_returns() =>
        await AssertFollowsDependencyAsync(fixture.Stack.Storage, "storage", ["auth"]);

    [Fact]
    public async Task Stopped_smtp_server_makes_notifications_unready_until_it_returns() =>
        await AssertFollowsDependencyAsync(fixture.Stack.Mail, "mail", ["notifications"]);

    private async Task AssertFollowsDependencyAsync(StackComponent dependency, string check, string[] services)
    {
        await dependency.StopAsync();
        try
        {
            foreach (var service in services)
            {
                var instance = Instance(service);
                var (_, checks) = await Eventually.GetAsync(
                    () => HealthAsync(instance), health => health.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15), $"{service} /health");
                Assert.NotEqual("Healthy", checks[check]);
                Assert.True(await instance.AnswersAsync("/alive"), $"{service} must stay alive while {check} is down");
            }
        }
        finally
        {
            await dependency.StartAsync();
        }

        foreach (var service in services)
        {
            await Eventually.GetAsync(
                () => HealthAsync(Instance(service)), health => health.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30), $"{service} /health after {check} returned");
            Assert.True(Instance(service).IsRunning);
        }
    }

    private ServiceInstance Instance(string service) =>
        fixture.Stack.Services.Single(instance => instance.Project.Name == service);

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> HealthAsync(ServiceInstance instance)
    {
        using var response = await Http.GetAsync(new Uri($"{instance.Url}/health"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(check => check.Name, check => check.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }
}
