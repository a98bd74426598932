using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Shop.SystemTests.Hostile;

/// <summary>Hostile JSON bodies: a corrupted field, a malformed document, a wrong content type, an oversized body.</summary>
public static class BodyCases
{
    private const string Placeholder = "__hostile_value__";

    public static IEnumerable<HostileCase> All(IReadOnlyList<JsonRoute> routes) =>
        routes.SelectMany(route => Fields(route).Concat(Malformed(route)).Concat(ContentTypes(route)).Concat(Oversized(route)).Concat(Ambiguous(route)));

    /// <summary>A property name that would forge a log line if written verbatim; <see cref="HostileInputTests"/> looks for it in the logs.</summary>
    public const string ForgedLogLine = "FORGED-LOG-LINE crit: admin signed in";

    /// <summary>Every hostile value once per route, each put into one of the fields of its type in turn.</summary>
    private static IEnumerable<HostileCase> Fields(JsonRoute route)
    {
        var textFields = route.Fields.Where(field => field.Kind is not (FieldKind.Money or FieldKind.Count)).ToList();
        var numberFields = route.Fields.Where(field => field.Kind is FieldKind.Money or FieldKind.Count).ToList();
        return Spread(HostileValues.Strings, textFields).Concat(Spread(HostileValues.Numbers, numberFields))
            .Select(pair => Json(route, "field", $"{pair.Field.Path} = {pair.Value.Label}", WithValue(route.Template, pair.Field.Path, pair.Value.Json)) with
            {
                MustRefuse = route.AlwaysRefused || Refuses(pair.Field, pair.Value),
            });
    }

    private static IEnumerable<HostileCase> Malformed(JsonRoute route) =>
        HostileValues.MalformedBodies.Select(body => Json(route, "malformed JSON", body.Label, body.Body) with
        {
            // No body, or `null`, checks out the caller's own cart.
            MustRefuse = !(route.BodyOptional && body.Body == "null"),
        });

    private static IEnumerable<HostileCase> ContentTypes(JsonRoute route)
    {
        string?[] types = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null];
        return types.Select(type => new HostileCase("content type", $"a JSON body sent as {type ?? "no type"}", route.Caller, route.Method, route.Target)
        {
            Body = Encoding.UTF8.GetBytes(route.Template.ToJsonString()),
            ContentType = type,
            MustRefuse = route.AlwaysRefused || !route.BodyOptional,
        });
    }

    /// <summary>
    /// Bodies two readers could understand differently (issue 19): a JSON content type in a charset other than
    /// UTF-8 (415, never a 500), a field given twice (400: last-wins would send a code to the second address), and
    /// a property name carrying newlines (400, and never a forged log line).
    /// </summary>
    private static IEnumerable<HostileCase> Ambiguous(JsonRoute route)
    {
        var template = route.Template.ToJsonString();
        foreach (var charset in new[] { "utf-7", "iso-8859-1", "\"utf-16\"", "x-unknown" })
        {
            yield return new HostileCase("charset", $"a JSON body declared as charset={charset}", route.Caller, route.Method, route.Target)
            {
                Body = Encoding.UTF8.GetBytes(template),
                ContentType = $"application/json; charset={charset}",
                MustRefuse = true,
                ExpectedStatus = 415,
            };
        }

        if (route.Fields.FirstOrDefault(field => !field.Path.Contains('.', StringComparison.Ordinal)) is { } first)
        {
            var value = route.Template[first.Path]!.ToJsonString();
            yield return Json(route, "duplicate key", $"{first.Path} given twice", $"{{\"{first.Path}\":{value},{template[1..]}") with { MustRefuse = true };
        }

        yield return Json(route, "log injection", "a property name with newlines", $"{{\"x\\n{ForgedLogLine}\\r\\n{ForgedLogLine}\":1,{template[1..]}") with { MustRefuse = true };
    }

    /// <summary>5 MiB in one string field, sent whole and chunked (no length announced up front).</summary>
    private static IEnumerable<HostileCase> Oversized(JsonRoute route)
    {
        var field = route.Fields.FirstOrDefault(candidate => candidate.Kind is not (FieldKind.Money or FieldKind.Count or FieldKind.LenientSecret));
        if (field is null)
        {
            yield break;
        }

        var body = WithValue(route.Template, field.Path, $"\"{new string('A', 5 * 1024 * 1024)}\"");
        yield return Json(route, "oversized body", $"5 MiB in {field.Path}", body) with { MustRefuse = true };
        yield return Json(route, "oversized body", $"5 MiB in {field.Path}, chunked", body) with { MustRefuse = true, Chunked = true };
    }

    private static HostileCase Json(JsonRoute route, string category, string what, string body) =>
        new(category, what, route.Caller, route.Method, route.Target)
        {
            Body = Encoding.UTF8.GetBytes(body),
            ContentType = "application/json",
            MustRefuse = route.AlwaysRefused,
        };

    /// <summary>Whether a field must refuse the value whatever else the body says.</summary>
    private static bool Refuses(BodyField field, HostileValue value) => value.Class switch
    {
        ValueClass.Null => !field.Nullable,
        ValueClass.Blank => !field.BlankAllowed,
        ValueClass.Unstorable or ValueClass.Huge => field.Kind != FieldKind.LenientSecret,
        ValueClass.Text => field.Kind is not (FieldKind.Text or FieldKind.LenientSecret),
        ValueClass.OddNumber => NumberOf(value) is var number && (number == 0 ? !field.ZeroAllowed : number != decimal.Truncate(number) && !field.FractionAllowed),
        _ => true,
    };

    private static decimal NumberOf(HostileValue value) => decimal.Parse(value.Json, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<(BodyField Field, HostileValue Value)> Spread(IReadOnlyList<HostileValue> values, IReadOnlyList<BodyField> fields) =>
        fields.Count == 0 ? [] : values.Select((value, index) => (fields[index % fields.Count], value));

    /// <summary>The template with the field at <paramref name="path"/> (`items.0.quantity`) replaced by raw JSON text.</summary>
    private static string WithValue(JsonObject template, string path, string rawJson)
    {
        var body = template.DeepClone();
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(body, (node, name) => int.TryParse(name, CultureInfo.InvariantCulture, out var index) ? node[index]! : node[name]!);
        var last = names[^1];
        if (int.TryParse(last, CultureInfo.InvariantCulture, out var position))
        {
            parent[position] = Placeholder;
        }
        else
        {
            parent[last] = Placeholder;
        }

        return body.ToJsonString().Replace($"\"{Placeholder}\"", rawJson, StringComparison.Ordinal);
    }
}
