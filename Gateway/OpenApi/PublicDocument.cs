using System.Text.Json.Nodes;
using Shop.Access;

namespace Shop.Gateway.OpenApi;

/// <summary>
/// A service's OpenAPI document as the public sees it through the gateway: only the operations of the access
/// table, served from the gateway's own origin, with the bearer scheme and the 401/403 answers the gateway adds.
/// </summary>
internal static class PublicDocument
{
    private const string BearerScheme = "bearer";
    private static readonly HashSet<string> OperationKeys = new(["get", "put", "post", "delete", "patch", "head", "options", "trace"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Keeps the operations of <paramref name="document"/> that are public routes of <paramref name="service"/>.</summary>
    public static JsonObject Filter(JsonObject document, string service)
    {
        var rules = RulesOf(service);
        var publicPaths = new JsonObject();
        foreach (var (path, item) in document["paths"] as JsonObject ?? [])
        {
            if (item is not JsonObject operations)
            {
                continue;
            }

            var kept = new JsonObject();
            foreach (var (key, operation) in operations)
            {
                var isOperation = OperationKeys.Contains(key);
                var rule = isOperation ? rules.FirstOrDefault(rule => rule.Method.Equals(key, StringComparison.OrdinalIgnoreCase) && SameShape(rule.Template, path)) : null;
                if (!isOperation || (rule is not null && operation is JsonObject))
                {
                    kept[key] = operation?.DeepClone();
                }

                if (rule is not null && kept[key] is JsonObject copy)
                {
                    Annotate(copy, rule);
                }
            }

            if (kept.Any(pair => OperationKeys.Contains(pair.Key)))
            {
                publicPaths[path] = kept;
            }
        }

        var result = (JsonObject)document.DeepClone();
        result["paths"] = publicPaths;
        return Finish(result);
    }

    /// <summary>What the gateway can say without the service's document: its public routes and who may call them.</summary>
    public static JsonObject Outline(string service)
    {
        var paths = new JsonObject();
        foreach (var rule in RulesOf(service))
        {
            var parameters = new JsonArray();
            foreach (var name in Segments(rule.Template).Where(IsParameter).Select(segment => segment[1..^1]))
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
            }

            var operation = new JsonObject
            {
                ["summary"] = $"{rule.Method} {rule.Template}",
                ["parameters"] = parameters,
                ["responses"] = new JsonObject { ["default"] = new JsonObject { ["description"] = "See the service's documentation." } },
            };
            Annotate(operation, rule);
            Child(paths, rule.Template)[rule.Method.ToLowerInvariant()] = operation;
        }

        return Finish(new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = $"Shop {service}",
                ["version"] = "v1",
                ["description"] = $"The {service} service does not publish an OpenAPI document right now; this outline lists its public routes from the gateway's access table.",
            },
            ["paths"] = paths,
        });
    }

    private static IReadOnlyList<AccessRule> RulesOf(string service) => AccessTable.Rules.Where(rule => rule.Service == service).ToList();

    /// <summary>Same literal segments and parameters in the same places; parameter names and constraints may differ.</summary>
    private static bool SameShape(string template, string path)
    {
        var expected = Segments(template);
        var actual = Segments(path);
        return expected.Length == actual.Length
            && expected.Zip(actual).All(pair => IsParameter(pair.First) ? IsParameter(pair.Second) : string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
    }

    private static string[] Segments(string template) => template.Trim('/').Split('/');

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static void Annotate(JsonObject operation, AccessRule rule)
    {
        operation["x-access"] = rule.Access.ToString().ToLowerInvariant();
        if (rule.Access == AccessLevel.Anonymous)
        {
            return;
        }

        operation["security"] = new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() });
        var responses = Child(operation, "responses");
        responses["401"] ??= new JsonObject { ["description"] = "No valid access token." };
        if (rule.Access == AccessLevel.Admin)
        {
            responses["403"] ??= new JsonObject { ["description"] = "The caller is not an admin." };
        }
    }

    /// <summary>Served from the gateway's origin, with the bearer scheme the annotated operations refer to.</summary>
    private static JsonObject Finish(JsonObject document)
    {
        document["servers"] = new JsonArray(new JsonObject { ["url"] = "/" });
        Child(Child(document, "components"), "securitySchemes")[BearerScheme] =
            new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" };
        return document;
    }

    /// <summary>The object under <paramref name="key"/>, created (or replacing a non-object) when missing.</summary>
    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
