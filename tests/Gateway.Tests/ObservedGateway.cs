using Shop.Gateway.Tests.Infrastructure;

namespace Shop.Gateway.Tests;

/// <summary>
/// The real gateway process in front of test upstreams that echo what they receive: a 401 or 404 seen here can
/// only come from the gateway, and the echo shows exactly which headers the gateway forwarded. Auth's JWKS is
/// served by a test upstream too, so tests mint, forge and rotate keys at will.
/// </summary>
public sealed class ObservedGateway : IAsyncLifetime
{
    /// <summary>The products services publish this; the gateway must serve only its public operations.</summary>
    public const string ProductsOpenApi = """
        {
          "openapi": "3.1.1",
          "info": { "title": "Shop.Products | v1", "version": "1.0.0" },
          "servers": [ { "url": "http://10.0.0.9:8080/" } ],
          "paths": {
            "/product": {
              "get": { "operationId": "ListProducts", "responses": { "200": { "description": "OK" } } },
              "post": { "operationId": "CreateProduct", "responses": { "201": { "description": "Created" } } }
            },
            "/product/{productId}": {
              "parameters": [ { "name": "productId", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } } ],
              "get": { "operationId": "GetProduct", "responses": { "200": { "description": "OK" } } },
              "put": { "operationId": "UpdateProduct", "responses": { "200": { "description": "OK" } } },
              "delete": { "operationId": "DeleteProduct", "responses": { "204": { "description": "No Content" } } },
              "patch": { "operationId": "PatchProduct", "responses": { "200": { "description": "OK" } } }
            },
            "/internal/stock/reserve": { "post": { "operationId": "ReserveStock", "responses": { "200": { "description": "OK" } } } },
            "/health": { "get": { "operationId": "Health", "responses": { "200": { "description": "OK" } } } }
          },
          "components": { "schemas": { "Product": { "type": "object" } } }
        }
        """;

    public TestSigningKeys Keys { get; } = new();

    public SigningKey Key { get; private set; } = null!;

    public TestUpstream Auth { get; private set; } = null!;

    public TestUpstream ProductsA { get; private set; } = null!;

    public TestUpstream ProductsB { get; private set; } = null!;

    public TestUpstream Orders { get; private set; } = null!;

    public GatewayProcess Gateway { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public TestTokens.Claims Customer { get; } = TestTokens.Claims.Customer();

    public TestTokens.Claims Admin { get; } = TestTokens.Claims.Admin();

    public string CustomerToken => TestTokens.Mint(Key, Customer);

    public string AdminToken => TestTokens.Mint(Key, Admin);

    public IEnumerable<TestUpstream> Upstreams => [Auth, ProductsA, ProductsB, Orders];

    public async Task InitializeAsync()
    {
        Key = Keys.Publish();
        Auth = new TestUpstream("auth", Keys);
        ProductsA = new TestUpstream("products-a", openApiDocument: ProductsOpenApi);
        ProductsB = new TestUpstream("products-b", openApiDocument: ProductsOpenApi);
        Orders = new TestUpstream("orders");
        await Task.WhenAll(Upstreams.Select(upstream => upstream.StartAsync()));

        Gateway = new GatewayProcess(
            "gateway-observed",
            new Dictionary<string, IReadOnlyList<string>>
            {
                ["auth"] = [Auth.Url],
                ["products"] = [ProductsA.Url, ProductsB.Url],
                ["orders"] = [Orders.Url],
            },
            new Dictionary<string, string?> { ["Gateway__UpstreamTimeout"] = "00:00:03" });
        await Gateway.StartAsync();
        Client = GatewayClient.Create(Gateway.Url);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        foreach (var upstream in Upstreams.Where(upstream => upstream is not null))
        {
            await upstream.DisposeAsync();
        }
    }

    /// <summary>The upstream that serves <paramref name="service"/> (products: either replica).</summary>
    public bool IsUpstreamOf(string service, string upstream) => upstream.StartsWith(service, StringComparison.Ordinal);
}

[CollectionDefinition(Name)]
public sealed class ObservedGatewayCollection : ICollectionFixture<ObservedGateway>
{
    public const string Name = "observed gateway";
}
