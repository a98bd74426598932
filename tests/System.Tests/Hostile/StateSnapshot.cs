using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shop.SystemTests.Support;

namespace Shop.SystemTests.Hostile;

/// <summary>
/// Everything a hostile request could damage, read through the public API: the whole catalogue, and for the
/// victim, the attacker and the admin their profile, picture, cart and orders. Parts are named `catalogue` or
/// `&lt;person&gt;:&lt;what&gt;`, so a change can be charged to whoever was allowed to make it.
/// </summary>
public sealed partial class StateSnapshot
{
    private readonly IReadOnlyDictionary<string, string> parts;

    private StateSnapshot(IReadOnlyDictionary<string, string> parts) => this.parts = parts;

    public bool HasPendingOrders => parts.Where(part => part.Key.EndsWith(":orders", StringComparison.Ordinal)).Any(part => part.Value.Contains("\"status\":\"pending\"", StringComparison.Ordinal));

    public static async Task<StateSnapshot> TakeAsync(HostileWorld world)
    {
        var reads = new List<Task<(string, string)>> { Task.Run(() => ReadCatalogueAsync(world.Admin)) };
        foreach (var (name, person) in world.People)
        {
            reads.Add(ReadAsync($"{name}:me", person, "/auth/me"));
            reads.Add(ReadAsync($"{name}:picture", person, "/auth/me/avatar"));
            reads.Add(ReadAsync($"{name}:cart", person, "/cart"));
            reads.Add(ReadAsync($"{name}:orders", person, "/order?pageSize=100"));
        }

        return new StateSnapshot((await Task.WhenAll(reads)).ToDictionary(part => part.Item1, part => part.Item2));
    }

    /// <summary>Waits until no order is pending and two snapshots in a row agree (after an accepted change's events).</summary>
    public static async Task<StateSnapshot> SettledAsync(HostileWorld world)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var previous = await TakeAsync(world);
        while (true)
        {
            await Task.Delay(250);
            var current = await TakeAsync(world);
            if (!current.HasPendingOrders && !current.Differences(previous, _ => false).Any())
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The state did not settle within 60 s: " + string.Join("; ", current.Differences(previous, _ => false)));
            }

            previous = current;
        }
    }

    /// <summary>The parts that differ from <paramref name="before"/>, except those <paramref name="mayChange"/> allows.</summary>
    public IEnumerable<string> Differences(StateSnapshot before, Func<string, bool> mayChange) =>
        parts.Keys.Union(before.parts.Keys)
            .Where(key => !mayChange(key))
            .Where(key => parts.GetValueOrDefault(key) != before.parts.GetValueOrDefault(key))
            .Select(key => $"{key} changed: {Change(before.parts.GetValueOrDefault(key), parts.GetValueOrDefault(key))}");

    private static async Task<(string, string)> ReadAsync(string part, Shopper person, string path)
    {
        using var response = await person.Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        var content = response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true
            ? $"{body.Length} bytes sha256 {Convert.ToHexString(SHA256.HashData(body))}"
            : TraceId().Replace(System.Text.Encoding.UTF8.GetString(body), string.Empty);
        return (part, $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {content}");
    }

    private static async Task<(string, string)> ReadCatalogueAsync(Shopper reader)
    {
        var products = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await reader.GetAsync<JsonElement>($"/product?sort=createdAt&pageSize=100&page={page}");
            products.AddRange(json.GetProperty("items").EnumerateArray().Select(item => item.GetRawText()));
            if (products.Count >= json.GetProperty("total").GetInt32() || json.GetProperty("items").GetArrayLength() == 0)
            {
                return ("catalogue", string.Join('\n', products.Order(StringComparer.Ordinal)));
            }
        }
    }

    /// <summary>What changed: for the catalogue (one product per line) the lines gone and added, else both values.</summary>
    private static string Change(string? before, string? after)
    {
        var old = (before ?? string.Empty).Split('\n');
        var now = (after ?? string.Empty).Split('\n');
        return old.Length > 1 || now.Length > 1
            ? $"gone [{Shorten(string.Join(" | ", old.Except(now)))}] added [{Shorten(string.Join(" | ", now.Except(old)))}]"
            : $"{Shorten(before)} -> {Shorten(after)}";
    }

    /// <summary>A ProblemDetails' trace id differs on every read of the same state.</summary>
    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private static string Shorten(string? value) => value is null ? "(none)" : value.Length > 600 ? value[..600] + "..." : value;
}
