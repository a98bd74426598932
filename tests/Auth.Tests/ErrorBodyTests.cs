using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Shop.Auth.Tests.Support;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Auth.Tests;

/// <summary>
/// What an error answer may say (issue 19, point 1): never a stack trace, an exception type or the request's
/// headers, also in Development (how the stack runs services); an unusable charset is 415, a storage outage 503.
/// </summary>
[Collection(AuthStackCollection.Name)]
public sealed class ErrorBodyTests(AuthStackFixture fixture)
{
    private readonly AuthClient gateway = fixture.Client(fixture.Stack.Gateway);

    [Theory]
    [InlineData("/auth/login", "utf-7")]
    [InlineData("/auth/login", "x-unknown")]
    [InlineData("/product", "utf-7")]
    public async Task A_json_body_in_another_charset_is_415_without_details(string path, string charset)
    {
        var admin = await fixture.AdminAsync();
        var content = new StringContent("{\"email\":\"someone@shop.test\"}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        using var response = await gateway.SendAsync(HttpMethod.Post, path, admin.AccessToken, content, [("Cookie", "session=secret-cookie")]);

        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        AssertNoDetails(await response.Content.ReadAsStringAsync(), admin.AccessToken);
    }

    [Fact]
    public async Task The_same_charset_sent_to_auth_itself_is_refused_alike()
    {
        var content = new StringContent("{\"email\":\"someone@shop.test\"}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-7");

        using var response = await fixture.Client().SendAsync(HttpMethod.Post, "/auth/login", content: content);

        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Duplicate_json_keys_are_400_and_no_code_goes_to_either_address()
    {
        var first = AuthClient.NewEmail("dup-first");
        var second = AuthClient.NewEmail("dup-second");
        var content = new StringContent($"{{\"email\":\"{first}\",\"email\":\"{second}\"}}", Encoding.UTF8, "application/json");

        using var response = await gateway.SendAsync(HttpMethod.Post, "/auth/login", content: content);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        AssertNoDetails(problem.ToString(), accessToken: null);
        await using var database = await fixture.OpenDatabaseAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM users WHERE email IN ($1, $2)", database)
        {
            Parameters = { new() { Value = first }, new() { Value = second } },
        };
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_storage_outage_on_the_avatar_is_503_with_retry_after()
    {
        await using var relay = new TcpRelay(fixture.Stack.Storage.Port);
        var instance = new ServiceInstance(
            ShopProject.Auth,
            $"auth-nostore-{Guid.NewGuid():N}"[..18],
            Ports.GetFree(),
            fixture.Stack.Paths,
            TestStacks.RepositoryRoot,
            TestStacks.Configuration,
            () => ServiceWiring.EnvironmentFor(ShopProject.Auth, fixture.Stack));
        instance.EnvironmentOverrides["ConnectionStrings__storage"] =
            $"Endpoint=http://127.0.0.1:{relay.Port};AccessKey={S3Server.AccessKey};SecretKey={S3Server.SecretKey}";
        try
        {
            await instance.StartAsync();
            var client = fixture.Client(instance);
            var tokens = await client.SignInAsync(AuthClient.NewEmail("no-storage"));
            await relay.BreakAsync();

            using var upload = await client.SendAsync(HttpMethod.Put, "/auth/me/avatar", tokens.AccessToken, TestPictures.Multipart(TestPictures.Png(8, 8)));

            await Problems.AssertProblemAsync(upload, HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(upload.Headers.RetryAfter);
            AssertNoDetails(await upload.Content.ReadAsStringAsync(), tokens.AccessToken);
        }
        finally
        {
            await instance.StopAsync();
        }
    }

    private static void AssertNoDetails(string body, string? accessToken)
    {
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-cookie", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Shop.", body, StringComparison.Ordinal);
        if (accessToken is not null)
        {
            Assert.DoesNotContain(accessToken, body, StringComparison.Ordinal);
        }
    }
}
