using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Testing;

namespace Shop.Analytics.Tests.Support;

/// <summary>The public API through the gateway, as one caller.</summary>
public sealed class ShopApi(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    public async Task<string> SignInAsync(string email, MailSinkClient mail)
    {
        var code = await GatewaySignIn.CodeMailedAfterAsync(mail, email, async () =>
        {
            using var login = await http.PostAsJsonAsync("/auth/login", new { email });
            Assert.Equal(HttpStatusCode.Accepted, login.StatusCode);
        });
        using var verify = await http.PostAsJsonAsync("/auth/verify", new { email, code });
        return (await ReadAsync(verify, HttpStatusCode.OK)).GetProperty("accessToken").GetString()!;
    }

    public Task<HttpResponseMessage> GetStatsAsync() => HttpGetAsync("/stats");

    public Task<HttpResponseMessage> HttpGetAsync(string path) => http.GetAsync(new Uri(path, UriKind.Relative));

    public Task<string> HttpGetStringAsync(string path) => http.GetStringAsync(new Uri(path, UriKind.Relative));

    public async Task<JsonElement> StatsJsonAsync()
    {
        using var response = await GetStatsAsync();
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task<Stats> StatsAsync() => Stats.Read(await StatsJsonAsync());

    public async Task<Guid> CreateProductAsync(string name, decimal price, int stock)
    {
        using var response = await http.PostAsJsonAsync("/product", new { name, description = "Counted by the analytics tests.", price, stock });
        return (await ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Places an order (201) and returns its id and total.</summary>
    public async Task<(Guid Id, decimal Total)> PlaceOrderAsync(params (Guid ProductId, int Quantity)[] lines)
    {
        using var response = await http.PostAsJsonAsync("/order", new { items = lines.Select(line => new { productId = line.ProductId, quantity = line.Quantity }) });
        var order = await ReadAsync(response, HttpStatusCode.Created);
        return (order.GetProperty("id").GetGuid(), order.GetProperty("total").GetDecimal());
    }

    /// <summary>The order's status once it has left `pending` (stock reserved or refused through the events).</summary>
    public async Task<string> SettledStatusAsync(Guid orderId)
    {
        var order = await Eventually.GetAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri($"/order/{orderId}", UriKind.Relative));
                return (await ReadAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString();
            },
            status => status != "pending",
            TimeSpan.FromSeconds(30),
            $"order {orderId} settling");
        return order!;
    }

    /// <summary>Waits until the gateway routes to products again (after a test froze it and its health checks failed).</summary>
    public Task WaitForCatalogueAsync() => Eventually.GetAsync(
        async () =>
        {
            using var response = await http.GetAsync(new Uri("/product?pageSize=1", UriKind.Relative));
            return response.StatusCode;
        },
        status => status == HttpStatusCode.OK,
        TimeSpan.FromSeconds(30),
        "the catalogue answering through the gateway");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
