using System.Net;
using System.Text.Json;
using Shop.Catalog.Tests.Support;

namespace Shop.Catalog.Tests;

/// <summary>`/product` on the real stack: who may do what, ETags, and what lists return.</summary>
[Collection(CatalogCollection.Name)]
public sealed class CatalogueTests(CatalogStack stack)
{
    private const string Customer = "catalogue-customer@catalog.test";

    [Fact]
    public async Task Anyone_reads_the_catalogue_but_only_admins_change_it()
    {
        using var anonymous = stack.CreateApiClient();
        using var customer = await stack.Accounts.ClientAsync(Customer);
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        var body = new { name = "Role test kettle", description = "Boils.", price = 24.90m, stock = 7 };

        await (await anonymous.PostJsonAsync("/product", body)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await customer.PostJsonAsync("/product", body)).ProblemAsync(HttpStatusCode.Forbidden);
        using var created = await admin.PostJsonAsync("/product", body);
        var product = await created.JsonAsync(HttpStatusCode.Created);
        var path = $"/product/{product.Id()}";
        Assert.Equal(path, created.Headers.Location?.OriginalString);
        Assert.Equal(("Role test kettle", "Boils.", 24.90m, 7), (product.GetProperty("name").GetString(), product.GetProperty("description").GetString(), product.GetProperty("price").GetDecimal(), product.GetProperty("stock").GetInt32()));
        Assert.NotNull(created.Headers.ETag);

        using var read = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(product.ToString(), (await read.JsonAsync(HttpStatusCode.OK)).ToString());
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);

        var changed = new { name = "Role test kettle", description = "Boils faster.", price = 19.90m, stock = 3 };
        await (await anonymous.PutJsonAsync(path, changed)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await customer.PutJsonAsync(path, changed)).ProblemAsync(HttpStatusCode.Forbidden);
        using var updated = await admin.PutJsonAsync(path, changed, ifMatch: created.Headers.ETag!.ToString());
        Assert.Equal(19.90m, (await updated.JsonAsync(HttpStatusCode.OK)).GetProperty("price").GetDecimal());
        Assert.NotEqual(created.Headers.ETag, updated.Headers.ETag);

        await (await anonymous.DeleteAsync(new Uri(path, UriKind.Relative))).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await customer.DeleteAsync(new Uri(path, UriKind.Relative))).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri(path, UriKind.Relative))).StatusCode);
        await (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync(new Uri(path, UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync(path, changed)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_with_412_and_changes_nothing()
    {
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        var product = await stack.CreateProductAsync("ETag lamp", 10m, 1);
        var path = $"/product/{product.Id()}";
        using var first = await admin.GetAsync(new Uri(path, UriKind.Relative));
        var staleTag = first.Headers.ETag!.ToString();

        using var winner = await admin.PutJsonAsync(path, new { name = "ETag lamp", price = 11m, stock = 1 }, ifMatch: staleTag);
        await winner.JsonAsync(HttpStatusCode.OK);
        using var loser = await admin.PutJsonAsync(path, new { name = "ETag lamp", price = 99m, stock = 50 }, ifMatch: staleTag);
        await loser.ProblemAsync(HttpStatusCode.PreconditionFailed);
        using var staleDelete = await admin.SendRawAsync(HttpMethod.Delete, path, null, request => request.Headers.TryAddWithoutValidation("If-Match", staleTag));
        await staleDelete.ProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = await admin.GetJsonAsync(path);
        Assert.Equal((11m, 1), (current.GetProperty("price").GetDecimal(), current.GetProperty("stock").GetInt32()));
        Assert.Equal(winner.Headers.ETag, loser.Headers.ETag);
    }

    [Fact]
    public async Task Lists_page_search_sort_and_filter_by_price()
    {
        var tag = Catalogue.NewTag();
        var prices = new[] { 5.00m, 12.50m, 7.25m, 30.00m, 0.99m, 18.00m };
        var names = new[] { "delta", "alpha", "foxtrot", "charlie", "echo", "bravo" };
        var created = new List<JsonElement>();
        for (var index = 0; index < prices.Length; index++)
        {
            created.Add(await stack.CreateProductAsync($"{names[index]} {tag}", prices[index], 1));
        }

        var onlyInDescription = await stack.CreateProductAsync("golf", 3m, 1, $"Mentions {tag.ToUpperInvariant()} in passing.");
        using var api = stack.CreateApiClient();

        var search = await api.GetJsonAsync($"/product?q={tag.ToUpperInvariant()}&pageSize=4&sort=price");
        Assert.Equal(7, search.GetProperty("total").GetInt64());
        Assert.Equal((1, 4), (search.GetProperty("page").GetInt32(), search.GetProperty("pageSize").GetInt32()));
        var secondPage = await api.GetJsonAsync($"/product?q={tag}&pageSize=4&page=2&sort=price");
        var byPrice = Names(search).Concat(Names(secondPage)).ToList();
        Assert.Equal(["echo", "golf", "delta", "foxtrot", "alpha", "bravo", "charlie"], byPrice.Select(FirstWord));
        Assert.Empty(Names(await api.GetJsonAsync($"/product?q={tag}&pageSize=4&page=3")));

        Assert.Equal(["charlie", "bravo", "alpha"], Names(await api.GetJsonAsync($"/product?q={tag}&sort=-price&pageSize=3")).Select(FirstWord));
        Assert.Equal(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"], Names(await api.GetJsonAsync($"/product?q={tag}&sort=name")).Select(FirstWord));
        Assert.Equal("golf", FirstWord(Names(await api.GetJsonAsync($"/product?q={tag}&sort=-createdAt")).First()));
        Assert.Equal("delta", FirstWord(Names(await api.GetJsonAsync($"/product?q={tag}&sort=createdAt")).First()));
        Assert.Equal(
            ["foxtrot", "alpha", "bravo"],
            Names(await api.GetJsonAsync($"/product?q={tag}&minPrice=7.25&maxPrice=18&sort=price")).Select(FirstWord));
        Assert.Equal(onlyInDescription.Id(), Assert.Single((await api.GetJsonAsync($"/product?q={tag}+in+passing")).GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(0, (await api.GetJsonAsync($"/product?q={tag}%25")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await api.GetJsonAsync($"/product?q={tag[..4]}_{tag[5..]}")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_default_page_is_20_of_the_newest_and_the_total_counts_everything()
    {
        using var api = stack.CreateApiClient();
        var before = (await api.GetJsonAsync("/product?pageSize=1")).GetProperty("total").GetInt64();
        var newest = await stack.CreateProductAsync("Newest " + Catalogue.NewTag(), 1m, 1);

        var page = await api.GetJsonAsync("/product");
        Assert.Equal((1, 20, before + 1), (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt64()));
        Assert.Equal(newest.Id(), page.GetProperty("items")[0].Id());
        Assert.Equal(100, (await api.GetJsonAsync("/product?pageSize=100")).GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Every_admin_change_is_published_as_an_event()
    {
        using var admin = await stack.Accounts.ClientAsync(CatalogStack.AdminEmail);
        var product = await stack.CreateProductAsync("Evented mug", 4.5m, 9);
        var path = $"/product/{product.Id()}";
        (await admin.PutJsonAsync(path, new { name = "Evented mug", price = 5.5m, stock = 9 })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();

        bool ForProduct(JsonElement data) => data.GetProperty("productId").GetGuid() == product.Id();
        var created = Assert.Single(await stack.Events.WaitForAsync("product_created", ForProduct));
        var updated = Assert.Single(await stack.Events.WaitForAsync("product_updated", ForProduct));
        Assert.Single(await stack.Events.WaitForAsync("product_deleted", ForProduct));
        Assert.Equal(("Evented mug", 4.5m, 9), (created.Data.GetProperty("name").GetString(), created.Data.GetProperty("price").GetDecimal(), created.Data.GetProperty("stock").GetInt32()));
        Assert.Equal(5.5m, updated.Data.GetProperty("price").GetDecimal());
        Assert.Equal("products", created.Source);
    }

    private static IEnumerable<string> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("name").GetString()!);

    private static string FirstWord(string name) => name.Split(' ')[0];
}
