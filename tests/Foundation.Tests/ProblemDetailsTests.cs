using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Shop.Foundation.Tests;

/// <summary>AddServiceDefaults turns every client mistake into a ProblemDetails 4xx, in Development (as Aspire runs) and Production.</summary>
public sealed class ProblemDetailsTests
{
    public static TheoryData<string> HostEnvironments => new() { Environments.Development, Environments.Production };

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Malformed_json_is_400_with_an_errors_map(string environment)
    {
        using var response = await PostAsync(environment, """{"name": "x", "quantity": 1""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Unknown_field_is_400(string environment) =>
        await AssertProblemAsync(await PostAsync(environment, """{"name": "x", "quantity": 1, "isAdmin": true}"""), HttpStatusCode.BadRequest);

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Number_sent_as_string_is_400_naming_the_field(string environment)
    {
        var problem = await AssertProblemAsync(await PostAsync(environment, """{"name": "x", "quantity": "5"}"""), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("quantity", out _));
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Missing_or_null_required_field_is_400(string environment)
    {
        await AssertProblemAsync(await PostAsync(environment, """{"quantity": 1}"""), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostAsync(environment, """{"name": null, "quantity": 1}"""), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Unparseable_query_value_is_400(string environment)
    {
        await using var app = await StartAsync(environment);

        await AssertProblemAsync(await app.GetTestClient().GetAsync(new Uri("/page?page=abc", UriKind.Relative)), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Unknown_route_is_404_problem(string environment)
    {
        await using var app = await StartAsync(environment);

        await AssertProblemAsync(await app.GetTestClient().GetAsync(new Uri("/nothing-here", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Unhandled_exception_is_500_problem_without_its_details_in_every_environment(string environment)
    {
        await using var app = await StartAsync(environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/boom", UriKind.Relative));
        request.Headers.Add("Authorization", "Bearer secret-token");
        request.Headers.Add("Accept", "application/json");

        using var response = await app.GetTestClient().SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("internal detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task A_json_body_in_another_charset_is_415_problem(string environment)
    {
        await using var app = await StartAsync(environment);
        using var content = new StringContent("""{"name":"a","quantity":1}""", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-7");

        using var response = await app.GetTestClient().PostAsync(new Uri("/items", UriKind.Relative), content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(HostEnvironments))]
    public async Task Duplicate_json_keys_are_400_problem(string environment)
    {
        using var response = await PostAsync(environment, """{"name":"a","name":"b","quantity":1}""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Health_and_alive_are_mapped_in_production()
    {
        await using var app = await StartAsync(Environments.Production);
        var client = app.GetTestClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/alive", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(string environment, string json)
    {
        await using var app = await StartAsync(environment);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await app.GetTestClient().PostAsync(new Uri("/items", UriKind.Relative), content);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static async Task<WebApplication> StartAsync(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapPost("/items", (ItemRequest item) => Results.Ok(item));
        app.MapGet("/page", (int page) => page);
        app.MapGet("/boom", string () => throw new InvalidOperationException("internal detail"));
        await app.StartAsync();
        return app;
    }

    private sealed record ItemRequest(string Name, int Quantity);
}
