using System.Text.RegularExpressions;

namespace Shop.ChartCheck.Chart;

/// <summary>
/// What looks like a secret, judged the way an operator would: by the variable's name, by a credential inside
/// the value (a connection string's Password=, a URL's user:password@), by a secret-like command-line flag,
/// or by an install-time secret rendered into it.
/// </summary>
internal static partial class SecretLooks
{
    public static bool IsSecretEntry(string key, string value) =>
        SecretName().IsMatch(key) || IsCredentialValue(value);

    public static bool IsCredentialValue(string value) =>
        CredentialInValue().IsMatch(value) || value.Contains(ValuesRenderer.InstallTimeMarker, StringComparison.Ordinal);

    /// <summary>A flag such as <c>--pass</c> whose next argument is a secret.</summary>
    public static bool IsSecretFlag(string argument) => SecretFlag().IsMatch(argument);

    /// <summary>A secret given inline, such as <c>--password=...</c>.</summary>
    public static bool IsInlineSecretFlag(string argument) =>
        argument.IndexOf('=') is var equals and > 0 && IsSecretFlag(argument[..equals]);

    /// <summary>Whether a container argument carries a secret: <c>--pass=x</c>, the value after <c>--pass</c>, or a credential inside it.</summary>
    public static bool IsSecretArgument(string argument, string previous) =>
        IsInlineSecretFlag(argument) || IsCredentialValue(argument) || (IsSecretFlag(previous) && !IsEnvironmentReference(argument));

    /// <summary>Kubernetes expands <c>$(NAME)</c> in args from the container's environment: no secret is written there.</summary>
    public static bool IsEnvironmentReference(string argument) => EnvironmentReference().IsMatch(argument);

    [GeneratedRegex("PASSWORD|PASSWD|SECRET|TOKEN|KEY|CREDENTIAL", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(password|pwd|secretkey|accesskey)=|://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialInValue();

    [GeneratedRegex("^--?(pass|password|passwd|secret|token|key|auth-token)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretFlag();

    [GeneratedRegex(@"^\$\([A-Za-z_][A-Za-z0-9_]*\)$")]
    private static partial Regex EnvironmentReference();
}
