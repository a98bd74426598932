using Shop.Access;

namespace Shop.Gateway.Tests.Infrastructure;

public static class Samples
{
    /// <summary>A concrete path for a template: each `{parameter}` replaced by a fresh id.</summary>
    public static string Path(string template) =>
        string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{') ? Guid.NewGuid().ToString() : segment));

    public static AccessRule Rule(string method, string template) =>
        AccessTable.Rules.Single(rule => rule.Method == method && rule.Template == template);
}
