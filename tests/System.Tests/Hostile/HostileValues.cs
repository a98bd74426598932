namespace Shop.SystemTests.Hostile;

/// <summary>What a JSON value is, as far as a field's validation is concerned.</summary>
public enum ValueClass
{
    /// <summary>Not the JSON type the field has (or not JSON at all): always refused.</summary>
    WrongType,

    /// <summary>JSON null.</summary>
    Null,

    /// <summary>An empty or blank string.</summary>
    Blank,

    /// <summary>A string no field accepts: lone UTF-16 surrogates, NUL (PostgreSQL cannot even store them).</summary>
    Unstorable,

    /// <summary>100,000 characters: longer than any field allows.</summary>
    Huge,

    /// <summary>A storable string that is no e-mail, code, id or status: fine as free text.</summary>
    Text,

    /// <summary>A number no count or price may be.</summary>
    BadNumber,

    /// <summary>A number that may or may not fit, depending on the field.</summary>
    OddNumber,
}

/// <summary>One hostile JSON value, written as raw JSON text (which may be no valid JSON at all).</summary>
public sealed record HostileValue(string Label, string Json, ValueClass Class);

/// <summary>The catalogue of hostile values the generator draws from.</summary>
public static class HostileValues
{
    public static IReadOnlyList<HostileValue> Strings { get; } =
    [
        new("a number instead of a string", "12345", ValueClass.WrongType),
        new("a boolean instead of a string", "true", ValueClass.WrongType),
        new("an array instead of a string", """["a","b"]""", ValueClass.WrongType),
        new("an object instead of a string", """{"a":1}""", ValueClass.WrongType),
        new("null", "null", ValueClass.Null),
        new("an empty string", "\"\"", ValueClass.Blank),
        new("only white space", "\"  \\t  \"", ValueClass.Blank),
        new("100,000 characters", $"\"{new string('x', 100_000)}\"", ValueClass.Huge),
        new("a lone high surrogate", "\"ab\\ud800cd\"", ValueClass.Unstorable),
        new("a lone low surrogate", "\"\\udc00\"", ValueClass.Unstorable),
        new("a NUL character", "\"a\\u0000b\"", ValueClass.Unstorable),
        new("a right-to-left override", "\"\\u202Egnp.exe\"", ValueClass.Text),
        new("zero-width characters", "\"a\\u200B\\u200C\\u200Db\\uFEFF\"", ValueClass.Text),
        new("stacked combining marks", $"\"Z{string.Concat(Enumerable.Repeat("\u0301\u0336\u0317", 40))}\"", ValueClass.Text),
        new("an emoji ZWJ sequence", "\"\\ud83d\\udc69\\u200d\\ud83d\\udc69\\u200d\\ud83d\\udc67\"", ValueClass.Text),
        new("right-to-left script", "\"\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd\"", ValueClass.Text),
        new("an SQL injection (quote)", "\"' OR '1'='1' --\"", ValueClass.Text),
        new("an SQL injection (stacked)", "\"x'); DROP TABLE products; --\"", ValueClass.Text),
        new("an SQL injection (comment)", "\"admin'/*\"", ValueClass.Text),
        new("a header injection", "\"x\\r\\nX-User-Roles: admin\"", ValueClass.Text),
        new("a path traversal", "\"../../../../etc/passwd\"", ValueClass.Text),
        new("format and lookup strings", "\"%s%s%n{0}${jndi:ldap://x/a}\"", ValueClass.Text),
        new("a script tag", "\"<script>alert(1)</script>\"", ValueClass.Text),
        new("a JSON-looking string", "\"{\\\"role\\\":\\\"admin\\\"}\"", ValueClass.Text),
    ];

    public static IReadOnlyList<HostileValue> Numbers { get; } =
    [
        new("a number as a string", "\"12\"", ValueClass.WrongType),
        new("a boolean instead of a number", "false", ValueClass.WrongType),
        new("an array instead of a number", "[1]", ValueClass.WrongType),
        new("null", "null", ValueClass.Null),
        new("NaN (not JSON)", "NaN", ValueClass.WrongType),
        new("Infinity (not JSON)", "Infinity", ValueClass.WrongType),
        new("hexadecimal (not JSON)", "0x10", ValueClass.WrongType),
        new("a leading zero (not JSON)", "007", ValueClass.WrongType),
        new("a plus sign (not JSON)", "+1", ValueClass.WrongType),
        new("negative", "-1", ValueClass.BadNumber),
        new("three decimals", "1.005", ValueClass.BadNumber),
        new("a tiny fraction", "1e-30", ValueClass.BadNumber),
        new("beyond Int32", "2147483648", ValueClass.BadNumber),
        new("beyond Int64 and decimal", "99999999999999999999999999999999", ValueClass.BadNumber),
        new("beyond double", "1e309", ValueClass.BadNumber),
        new("very negative", "-9223372036854775809", ValueClass.BadNumber),
        new("zero", "0", ValueClass.OddNumber),
        new("negative zero", "-0", ValueClass.OddNumber),
        new("an exponent", "1e2", ValueClass.OddNumber),
        new("a fraction", "1.5", ValueClass.OddNumber),
    ];

    /// <summary>Whole bodies that are no acceptable JSON document for any route.</summary>
    public static IReadOnlyList<(string Label, string Body)> MalformedBodies { get; } =
    [
        ("an unclosed object", "{"),
        ("an unclosed string", "{\"a"),
        ("an unclosed array", "[1,2"),
        ("a stray closing brace", "{}}"),
        ("a trailing comma", "{\"a\":1,}"),
        ("single quotes", "{'a':'b'}"),
        ("a comment", "/* hi */{}"),
        ("two documents", "{}{}"),
        ("a bare string", "\"text\""),
        ("a bare number", "42"),
        ("a bare literal", "true"),
        ("JSON null", "null"),
        ("an array", "[]"),
        ("an empty object", "{}"),
        ("an XML document", "<a><b>1</b></a>"),
        ("form fields", "email=a%40b.c&code=1"),
        ("10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000)),
        ("5,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)),
    ];
}
