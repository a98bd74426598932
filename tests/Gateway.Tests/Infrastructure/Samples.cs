using Shop.Access;

namespace Shop.Gateway.Tests.Infrastructure;

public static class Samples
{
    /// <summary>A concrete path for a template: each `{parameter}` replaced by a fresh id.</summary>
    public static string Path(string template) =>
        string.Join('/', template.Split('/').Select(segment => segment.StartsWith('{') ? Guid.NewGuid().ToString() : segment));

    /// <summary>
    /// contract.md section 3: the status the gateway itself answers for <paramref name="caller"/> ("none", "customer",
    /// "admin"), or null when the request is let through (forwarded, or answered by the gateway for its own rows).
    /// </summary>
    public static int? Refusal(AccessRule rule, string caller) => rule switch
    {
        { Access: AccessLevel.Anonymous } => null,
        _ when caller == "none" => 401,
        { Access: AccessLevel.Admin } when caller != "admin" => 403,
        _ => null,
    };

    public static AccessRule Rule(string method, string template) =>
        AccessTable.Rules.Single(rule => rule.Method == method && rule.Template == template);
}
