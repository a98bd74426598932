using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Foundation.Tests;

/// <summary>
/// One of two products replicas killed: orders' calls to products (every cart change prices the cart there) are
/// retried on the live replica, so none fails, and the gateway takes the dead one out of rotation.
/// </summary>
[Collection(ReplicaStackCollection.Name)]
public sealed class DeadReplicaTests(ReplicaStack fixture)
{
    [Fact]
    public async Task With_one_products_replica_killed_cart_changes_and_the_catalogue_keep_answering()
    {
        var tokens = await GatewaySignIn.SignInAsync(fixture.Gateway, fixture.Mail, ReplicaStack.AdminEmail);
        var productId = await CreateProductAsync(tokens.AccessToken);
        var dead = fixture.Stack.Service(ShopProject.Products, 1);

        await dead.KillAsync();
        try
        {
            for (var quantity = 1; quantity <= 6; quantity++)
            {
                using var change = Authorized(HttpMethod.Put, $"/cart/items/{productId}", tokens.AccessToken);
                change.Content = JsonContent.Create(new { quantity });
                using var response = await fixture.Gateway.SendAsync(change);

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"cart change {quantity}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            // The gateway's first request to the dead replica may fail before its checks notice; then all succeed.
            await Eventually.GetAsync(CatalogueAnswersAsync, answered => answered, TimeSpan.FromSeconds(20), "10 GET /product in a row answered 200");
        }
        finally
        {
            await dead.StartAsync();
        }
    }

    private async Task<bool> CatalogueAnswersAsync()
    {
        for (var request = 0; request < 10; request++)
        {
            using var response = await fixture.Gateway.GetAsync(new Uri("/product", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<string> CreateProductAsync(string accessToken)
    {
        using var create = Authorized(HttpMethod.Post, "/product", accessToken);
        create.Content = JsonContent.Create(new { name = $"Replica lamp {Guid.NewGuid():N}", description = "Lights either replica.", price = 12.5m, stock = 100 });
        using var response = await fixture.Gateway.SendAsync(create);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string accessToken) =>
        new(method, new Uri(path, UriKind.Relative)) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };
}
