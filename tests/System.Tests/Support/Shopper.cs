using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Testing;

namespace Shop.SystemTests.Support;

/// <summary>One signed-in person using the public API through the gateway, as a browser or app would.</summary>
public sealed class Shopper : IDisposable
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private Shopper(HttpClient http, string email, SignInTokens tokens, Me me)
    {
        Http = http;
        Email = email;
        Tokens = tokens;
        Id = me.Id;
    }

    public HttpClient Http { get; }

    public string Email { get; }

    public Guid Id { get; }

    public SignInTokens Tokens { get; }

    public static async Task<Shopper> SignInAsync(Uri gateway, MailSinkClient mail, string email)
    {
        var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var tokens = await GatewaySignIn.SignInAsync(http, mail, email);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
            var me = await ReadAsync<Me>(await http.GetAsync(new Uri("/auth/me", UriKind.Relative)), HttpStatusCode.OK);
            return new Shopper(http, email, tokens, me);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    public Task<Me> MeAsync() => GetAsync<Me>("/auth/me");

    /// <summary>PUT /auth/me/avatar with one file part; returns the `avatarUrl` answered.</summary>
    public async Task<string> PutPictureAsync(byte[] picture, string contentType)
    {
        using var form = Pictures.Form(picture, contentType);
        var answer = await ReadAsync<JsonElement>(await Http.PutAsync(new Uri("/auth/me/avatar", UriKind.Relative), form), HttpStatusCode.OK);
        return answer.GetProperty("avatarUrl").GetString()!;
    }

    public async Task<Product> CreateProductAsync(string name, decimal price, int stock, string description = "") =>
        await ReadAsync<Product>(await Http.PostAsJsonAsync("/product", new { name, description, price, stock }, Json), HttpStatusCode.Created);

    public Task<Product> ProductAsync(Guid id) => GetAsync<Product>($"/product/{id}");

    public async Task<Cart> SetCartItemAsync(Guid productId, int quantity) =>
        await ReadAsync<Cart>(await Http.PutAsJsonAsync($"/cart/items/{productId}", new { quantity }, Json), HttpStatusCode.OK);

    public Task<Cart> CartAsync() => GetAsync<Cart>("/cart");

    /// <summary>POST /order with <paramref name="items"/>, or with no body (checks out the cart) when null.</summary>
    public async Task<HttpResponseMessage> SendOrderAsync(IReadOnlyList<OrderItem>? items, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/order", UriKind.Relative));
        if (items is not null)
        {
            request.Content = JsonContent.Create(new { items }, options: Json);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public async Task<Order> PlaceOrderAsync(IReadOnlyList<OrderItem>? items, string? idempotencyKey = null) =>
        await ReadAsync<Order>(await SendOrderAsync(items, idempotencyKey), HttpStatusCode.Created);

    public Task<Order> OrderAsync(Guid id) => GetAsync<Order>($"/order/{id}");

    public Task<Paged<Order>> OrdersAsync(int page = 1, int pageSize = 100) => GetAsync<Paged<Order>>($"/order?page={page}&pageSize={pageSize}");

    /// <summary>Waits until the stock events have moved the order on from `pending`.</summary>
    public Task<Order> SettledOrderAsync(Guid id, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => OrderAsync(id), order => order.IsSettled, timeout ?? TimeSpan.FromSeconds(60), $"order {id} settled");

    public async Task<Order> CancelOrderAsync(Guid id) =>
        await ReadAsync<Order>(await Http.PostAsync(new Uri($"/order/{id}/cancel", UriKind.Relative), null), HttpStatusCode.OK);

    public async Task<Order> SetOrderStatusAsync(Guid id, string status) =>
        await ReadAsync<Order>(await Http.PutAsJsonAsync($"/order/{id}/status", new { status }, Json), HttpStatusCode.OK);

    public async Task<T> GetAsync<T>(string path) => await ReadAsync<T>(await Http.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.OK);

    /// <summary>The status of a request without a body (its answer is read and dropped).</summary>
    public async Task<HttpStatusCode> StatusOfAsync(HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose() => Http.Dispose();

    /// <summary>Reads the body of an answer that must have <paramref name="expected"/> status; disposes the answer.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(
                response.StatusCode == expected,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
            return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException("empty body");
        }
    }
}
