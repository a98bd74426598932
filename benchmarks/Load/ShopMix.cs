using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Testing;

namespace Shop.Load;

/// <summary>
/// The realistic mix through the gateway: 70% catalogue reads (a page of the list, or one product), 20% cart
/// changes, 10% orders of one or two items. Customers are real signed-in users; every order has its own key.
/// </summary>
public sealed class ShopMix
{
    public const string Catalogue = "catalogue (70%)";
    public const string Cart = "cart (20%)";
    public const string Orders = "orders (10%)";

    private readonly HttpClient anonymous;
    private readonly IReadOnlyList<HttpClient> customers;
    private readonly IReadOnlyList<Guid> products;

    private ShopMix(HttpClient anonymous, IReadOnlyList<HttpClient> customers, IReadOnlyList<Guid> products)
    {
        this.anonymous = anonymous;
        this.customers = customers;
        this.products = products;
    }

    public IReadOnlyDictionary<string, Latencies> Results { get; private set; } = Fresh();

    /// <summary>Signs in the admin and <paramref name="customerCount"/> customers, and fills the catalogue.</summary>
    public static async Task<ShopMix> PrepareAsync(Uri gateway, MailSinkClient mail, string adminEmail, int customerCount, int productCount)
    {
        var admin = await SignedInAsync(gateway, mail, adminEmail);
        var products = new List<Guid>();
        for (var index = 0; index < productCount; index++)
        {
            using var created = await admin.PostAsJsonAsync(
                "/product",
                new { name = $"Load item {index}", description = $"Item {index} of the load test catalogue.", price = 1 + (index % 50), stock = 900_000_000 });
            created.EnsureSuccessStatusCode();
            products.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var customers = new List<HttpClient>();
        for (var index = 0; index < customerCount; index++)
        {
            customers.Add(await SignedInAsync(gateway, mail, $"load-{index}-{Guid.NewGuid():N}@load.test"));
        }

        return new ShopMix(new HttpClient { BaseAddress = gateway }, customers, products);
    }

    public void Reset() => Results = Fresh();

    /// <summary>One request of the mix, chosen by <paramref name="random"/>, timed and counted.</summary>
    public async Task RunOneAsync(Random random)
    {
        var roll = random.Next(100);
        var (kind, request, client) = roll switch
        {
            < 70 => (Catalogue, CatalogueRead(random), anonymous),
            < 90 => (Cart, CartChange(random), customers[random.Next(customers.Count)]),
            _ => (Orders, Order(random), customers[random.Next(customers.Count)]),
        };
        var started = Stopwatch.GetTimestamp();
        bool failed;
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            failed = !response.IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            failed = true;
        }
        finally
        {
            request.Dispose();
        }

        Results[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed);
    }

    private HttpRequestMessage CatalogueRead(Random random) => random.Next(2) == 0
        ? new HttpRequestMessage(HttpMethod.Get, $"/product?page={1 + random.Next(5)}&pageSize=20&sort=price")
        : new HttpRequestMessage(HttpMethod.Get, $"/product/{products[random.Next(products.Count)]}");

    private HttpRequestMessage CartChange(Random random) => random.Next(10) == 0
        ? new HttpRequestMessage(HttpMethod.Delete, "/cart")
        : new HttpRequestMessage(HttpMethod.Put, $"/cart/items/{products[random.Next(products.Count)]}") { Content = JsonContent.Create(new { quantity = 1 + random.Next(3) }) };

    private HttpRequestMessage Order(Random random)
    {
        var first = products[random.Next(products.Count)];
        var items = random.Next(2) == 0
            ? new[] { new { productId = first, quantity = 1 } }
            : [new { productId = first, quantity = 1 }, new { productId = products.First(product => product != first), quantity = 2 }];
        var request = new HttpRequestMessage(HttpMethod.Post, "/order") { Content = JsonContent.Create(new { items }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private static async Task<HttpClient> SignedInAsync(Uri gateway, MailSinkClient mail, string email)
    {
        var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        var tokens = await GatewaySignIn.SignInAsync(client, mail, email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private static Dictionary<string, Latencies> Fresh() => new() { [Catalogue] = new(), [Cart] = new(), [Orders] = new() };
}
