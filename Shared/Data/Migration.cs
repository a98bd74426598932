using System.Reflection;
using System.Text.RegularExpressions;

namespace Shop.Data;

/// <summary>
/// One versioned SQL script, embedded as `.../Migrations/0001_name.sql` in the assembly that owns the tables
/// (a service, or a shared library such as messaging with its outbox). Versions count per source;
/// scripts are append-only: a change is a new file with the next number.
/// </summary>
public sealed partial record Migration(string Source, int Version, string Name, string Sql)
{
    public static IReadOnlyList<Migration> LoadFrom(Assembly assembly)
    {
        var source = assembly.GetName().Name!;
        var migrations = assembly.GetManifestResourceNames()
            .Select(resource => (Resource: resource, Match: ResourceName().Match(resource)))
            .Where(item => item.Match.Success)
            .Select(item => new Migration(
                source,
                int.Parse(item.Match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                item.Match.Groups["name"].Value,
                Read(assembly, item.Resource)))
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations share version {duplicate.Key} in {source}.");
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d+)_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}

/// <summary>An assembly whose embedded migrations apply to the service's database.</summary>
public sealed record MigrationSource(Assembly Assembly);
