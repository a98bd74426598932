using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;
using Npgsql;
using Shop.Auth.Tests.Support;

namespace Shop.Auth.Tests;

/// <summary>Profile pictures through the API and, for the stored bytes, read back from the S3 server itself.</summary>
[Collection(AuthStackCollection.Name)]
public sealed class AvatarTests(AuthStackFixture fixture) : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly AuthClient client = fixture.Client();
    private readonly IMinioClient s3 = new MinioClient()
        .WithEndpoint(new Uri(fixture.Stack.Storage.Endpoint).Authority)
        .WithCredentials(Shop.DevStack.S3Server.AccessKey, Shop.DevStack.S3Server.SecretKey)
        .WithRegion("us-east-1")
        .Build();

    public static TheoryData<string, string> Formats => new()
    {
        { "png", "image/png" },
        { "jpeg", "image/jpeg" },
        { "webp", "image/webp" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_picture_is_re_encoded_and_served_from_object_storage(string format, string contentType)
    {
        var (tokens, userId) = await SignInAsync();
        var picture = Image(format, 300_000);

        using var upload = await UploadAsync(tokens.AccessToken, picture, "anything.bin", "application/octet-stream");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var avatarUrl = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("avatarUrl").GetString()!;
        Assert.StartsWith("/auth/me/avatar", avatarUrl, StringComparison.Ordinal);
        Assert.Equal(avatarUrl, (await client.GetMeAsync(tokens.AccessToken)).GetProperty("avatarUrl").GetString());

        using var download = await client.SendAsync(HttpMethod.Get, avatarUrl, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(contentType, download.Content.Headers.ContentType?.MediaType);
        var served = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(TestPictures.Size(picture), TestPictures.Size(served));
        Assert.True(served.Length < picture.Length, "the padding after the picture's end is not stored");

        var stored = Assert.IsType<string>(await StoredKeyAsync(userId));
        Assert.Equal(served, await StoredBytesAsync(stored));
    }

    [Fact]
    public async Task A_new_picture_replaces_and_deletes_the_previous_object()
    {
        var (tokens, userId) = await SignInAsync();
        using (var first = await UploadAsync(tokens.AccessToken, Image("png", 1000)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var firstKey = Assert.IsType<string>(await StoredKeyAsync(userId));
        var second = Image("jpeg", 2000);
        using (var replace = await UploadAsync(tokens.AccessToken, second))
        {
            Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        }

        var secondKey = Assert.IsType<string>(await StoredKeyAsync(userId));
        Assert.NotEqual(firstKey, secondKey);
        Assert.False(await ExistsAsync(firstKey), "the previous picture's object is left behind");
        Assert.True(await ExistsAsync(secondKey));
        using var download = await client.SendAsync(HttpMethod.Get, "/auth/me/avatar", tokens.AccessToken);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestPictures.Size(second), TestPictures.Size(await download.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(4097, 16)]
    [InlineData(4096, 4097)]
    public async Task A_picture_announcing_too_many_pixels_is_refused_before_decoding(int width, int height)
    {
        var (tokens, userId) = await SignInAsync();

        using var upload = await UploadAsync(tokens.AccessToken, TestPictures.PngHeader(width, height));

        await Problems.AssertProblemAsync(upload, HttpStatusCode.RequestEntityTooLarge);
        Assert.Null(await StoredKeyAsync(userId));
    }

    [Fact]
    public async Task Bytes_that_only_start_like_a_picture_are_415()
    {
        var (tokens, userId) = await SignInAsync();
        byte[] fake = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. System.Security.Cryptography.RandomNumberGenerator.GetBytes(1000)];

        using var upload = await UploadAsync(tokens.AccessToken, fake);

        await Problems.AssertProblemAsync(upload, HttpStatusCode.UnsupportedMediaType);
        Assert.Null(await StoredKeyAsync(userId));
    }

    [Fact]
    public async Task Deleting_removes_the_picture_and_its_object()
    {
        var (tokens, userId) = await SignInAsync();
        (await UploadAsync(tokens.AccessToken, Image("webp", 500))).Dispose();
        var key = Assert.IsType<string>(await StoredKeyAsync(userId));
        Assert.True(await ExistsAsync(key));

        using (var delete = await client.SendAsync(HttpMethod.Delete, "/auth/me/avatar", tokens.AccessToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.False(await ExistsAsync(key), "the deleted picture's object is left behind");
        Assert.Null(await StoredKeyAsync(userId));
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/me/avatar", tokens.AccessToken), HttpStatusCode.NotFound);
        Assert.Equal(JsonValueKind.Null, (await client.GetMeAsync(tokens.AccessToken)).GetProperty("avatarUrl").ValueKind);
        using var again = await client.SendAsync(HttpMethod.Delete, "/auth/me/avatar", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task Exactly_two_mebibytes_is_accepted_and_one_byte_more_is_413()
    {
        var (tokens, userId) = await SignInAsync();

        using (var limit = await UploadAsync(tokens.AccessToken, Image("png", 2 * MiB)))
        {
            Assert.Equal(HttpStatusCode.OK, limit.StatusCode);
        }

        var kept = Assert.IsType<string>(await StoredKeyAsync(userId));
        await Problems.AssertProblemAsync(await UploadAsync(tokens.AccessToken, Image("png", (2 * MiB) + 1)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(kept, await StoredKeyAsync(userId));
        Assert.True(await ExistsAsync(kept));
    }

    [Fact]
    public async Task A_body_declared_far_over_the_limit_is_413_before_it_is_sent()
    {
        var (tokens, _) = await SignInAsync();

        // With Expect: 100-continue the server answers before taking the body, so the client never sends 20 MiB.
        using var response = await UploadAsync(tokens.AccessToken, Image("png", 20 * MiB), expectContinue: true);

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Text_named_png_is_415_and_nothing_is_stored()
    {
        var (tokens, userId) = await SignInAsync();

        await Problems.AssertProblemAsync(
            await UploadAsync(tokens.AccessToken, "this is not an image at all"u8.ToArray(), "avatar.png", "image/png"), HttpStatusCode.UnsupportedMediaType);
        Assert.Null(await StoredKeyAsync(userId));
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/me/avatar", tokens.AccessToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Anything_but_one_file_part_named_file_is_refused()
    {
        var (tokens, _) = await SignInAsync();

        using var wrongName = new MultipartFormDataContent { { new ByteArrayContent(Image("png", 100)), "picture", "a.png" } };
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Put, "/auth/me/avatar", tokens.AccessToken, wrongName), HttpStatusCode.BadRequest);

        using var twoFiles = new MultipartFormDataContent
        {
            { new ByteArrayContent(Image("png", 100)), "file", "a.png" },
            { new ByteArrayContent(Image("png", 100)), "file", "b.png" },
        };
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Put, "/auth/me/avatar", tokens.AccessToken, twoFiles), HttpStatusCode.BadRequest);

        using var notMultipart = new ByteArrayContent(Image("png", 100));
        notMultipart.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Put, "/auth/me/avatar", tokens.AccessToken, notMultipart), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Pictures_need_a_signed_in_user()
    {
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(Image("png", 100)), "file", "a.png" } };
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Put, "/auth/me/avatar", content: upload), HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/me/avatar"), HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// Auth's bucket checks (startup, readiness) must not list the bucket: s3rver on Node 20 answers any listing that
    /// needs a continuation token with a 500, and a check listing one key made auth never start again once two
    /// pictures were stored.
    /// </summary>
    [Fact]
    public async Task With_several_pictures_stored_auth_restarts_healthy_and_still_serves_them()
    {
        var users = new List<(IssuedTokens Tokens, byte[] Served)>();
        foreach (var format in new[] { "png", "jpeg", "webp" })
        {
            var (tokens, _) = await SignInAsync();
            var picture = Image(format, 5000);
            using var upload = await UploadAsync(tokens.AccessToken, picture);
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            users.Add((tokens, await ServedAsync(tokens)));
        }

        await fixture.Auth.RestartAsync();

        Assert.True(await fixture.Auth.AnswersAsync("/health"), "auth is not ready after the restart");
        foreach (var (tokens, served) in users)
        {
            Assert.Equal(served, await ServedAsync(tokens));
        }
    }

    [Fact]
    public async Task While_object_storage_is_down_pictures_answer_503_problems_and_work_again_after()
    {
        var (tokens, _) = await SignInAsync();
        (await UploadAsync(tokens.AccessToken, Image("png", 1000))).Dispose();
        var served = await ServedAsync(tokens);

        await fixture.Stack.Storage.StopAsync();
        try
        {
            await Problems.AssertProblemAsync(await UploadAsync(tokens.AccessToken, Image("png", 1000)), HttpStatusCode.ServiceUnavailable);
            await Problems.AssertProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/me/avatar", tokens.AccessToken), HttpStatusCode.ServiceUnavailable);
            Assert.False(await fixture.Auth.AnswersAsync("/health"), "auth reports ready while its object storage is down");
        }
        finally
        {
            await fixture.Stack.Storage.StartAsync();
        }

        Assert.Equal(served, await ServedAsync(tokens));
    }

    public void Dispose() => s3.Dispose();

    /// <summary>The caller's picture as auth serves it (stored pictures are re-encoded, so not the uploaded bytes).</summary>
    private async Task<byte[]> ServedAsync(IssuedTokens tokens)
    {
        using var download = await client.SendAsync(HttpMethod.Get, "/auth/me/avatar", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        return await download.Content.ReadAsByteArrayAsync();
    }

    private async Task<(IssuedTokens Tokens, Guid UserId)> SignInAsync()
    {
        var tokens = await client.SignInAsync(AuthClient.NewEmail("avatar"));
        return (tokens, Guid.Parse(TestTokens.Payload(tokens.AccessToken).GetProperty("sub").GetString()!));
    }

    private Task<HttpResponseMessage> UploadAsync(
        string accessToken, byte[] bytes, string fileName = "me.img", string contentType = "application/octet-stream", bool expectContinue = false)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var content = new MultipartFormDataContent { { file, "file", fileName } };
        return client.SendAsync(HttpMethod.Put, "/auth/me/avatar", accessToken, content, expectContinue ? [("Expect", "100-continue")] : null);
    }

    /// <summary>The object key the user's row points at (null without a picture).</summary>
    private async Task<string?> StoredKeyAsync(Guid userId)
    {
        await using var database = await fixture.OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT avatar_key FROM users WHERE id = @id", database);
        command.Parameters.AddWithValue("id", userId);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Asked of the S3 server itself with a HEAD (listings are what s3rver on Node 20 gets wrong).</summary>
    private async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await s3.StatObjectAsync(new StatObjectArgs().WithBucket("avatars").WithObject(key));
            return true;
        }
        catch (ObjectNotFoundException)
        {
            return false;
        }
    }

    private async Task<byte[]> StoredBytesAsync(string key)
    {
        using var bytes = new MemoryStream();
        await s3.GetObjectAsync(new GetObjectArgs().WithBucket("avatars").WithObject(key).WithCallbackStream((body, token) => body.CopyToAsync(bytes, token)));
        return bytes.ToArray();
    }

    private static byte[] Image(string format, int length) => TestPictures.Padded(format, length);
}
