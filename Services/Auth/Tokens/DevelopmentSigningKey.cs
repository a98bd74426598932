using Shop.ServiceDefaults.Secrets;

namespace Shop.Auth.Tokens;

/// <summary>
/// Development only, when no key is configured (a plain `dotnet run`): a seed generated once per machine and
/// kept in the user's local application data, outside the repository, so tokens survive restarts.
/// </summary>
internal static class DevelopmentSigningKey
{
    public static string DefaultFolder => DevelopmentSecrets.DefaultFolder;

    public static string LoadOrCreate(string folder) =>
        DevelopmentSecrets.LoadOrCreate("auth-signing-key", SigningKey.MinimumSeedLength + 21, folder);
}
