using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>Request body limits (1 MiB, 2 MiB for the avatar) and the upstream timeout.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class LimitTests(ObservedGateway observed)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_body_of_exactly_1_MiB_is_forwarded_whole()
    {
        using var request = WithBody(GatewayClient.Request(HttpMethod.Post, "/auth/login"), MiB, chunked: false);

        var echo = await GatewayClient.EchoAsync(await observed.Client.SendAsync(request));

        Assert.Equal(MiB, echo.BodyLength);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_larger_body_is_413_whether_declared_or_chunked(bool chunked)
    {
        var correlationId = GatewayClient.NewCorrelationId();
        using var request = WithBody(GatewayClient.Request(HttpMethod.Post, "/auth/login", correlationId: correlationId), MiB + 1, chunked);

        using var response = await observed.Client.SendAsync(request);

        await GatewayClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.DoesNotContain(observed.Upstreams, upstream => upstream.HasReceived(correlationId));
    }

    [Fact]
    public async Task An_avatar_of_2_MiB_passes_and_a_larger_one_is_413()
    {
        using var fits = AvatarUpload(2 * MiB);
        var echo = await GatewayClient.EchoAsync(await observed.Client.SendAsync(fits));
        Assert.True(echo.BodyLength > 2 * MiB, $"the whole multipart body arrives ({echo.BodyLength} bytes)");

        using var tooLarge = AvatarUpload((2 * MiB) + (64 * 1024));
        await GatewayClient.ProblemAsync(await observed.Client.SendAsync(tooLarge), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_2_MiB_allowance_is_for_the_avatar_only()
    {
        using var request = WithBody(GatewayClient.Request(HttpMethod.Put, "/cart/items/" + Guid.NewGuid(), observed.CustomerToken), (2 * MiB) - 1024, chunked: false);

        await GatewayClient.ProblemAsync(await observed.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_is_504()
    {
        using var request = GatewayClient.Request(HttpMethod.Get, "/product");
        request.Headers.Add(TestUpstream.DelayHeader, "15000");
        var clock = Stopwatch.StartNew();

        using var response = await observed.Client.SendAsync(request);

        await GatewayClient.ProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(12), $"answered after {clock.Elapsed}");
    }

    private HttpRequestMessage AvatarUpload(int fileSize)
    {
        var request = GatewayClient.Request(HttpMethod.Put, "/auth/me/avatar", observed.CustomerToken);
        var file = new ByteArrayContent(new byte[fileSize]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        request.Content = new MultipartFormDataContent { { file, "file", "me.png" } };
        return request;
    }

    private static HttpRequestMessage WithBody(HttpRequestMessage request, int size, bool chunked)
    {
        request.Content = chunked ? new StreamContent(new MemoryStream(new byte[size])) : new ByteArrayContent(new byte[size]);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = chunked;
        return request;
    }
}
