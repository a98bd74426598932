using System.Security.Cryptography;

namespace Shop.DevStack;

/// <summary>
/// Development secrets generated once per state directory and kept in it (git-ignored, mode 600): the local
/// counterpart of the AppHost's generated secret parameters. Nothing secret lives in the repository.
/// </summary>
public sealed class StackSecrets(StackPaths paths)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string PostgresPassword => GetOrCreate("postgres-password", 22);

    public string NatsPassword => GetOrCreate("nats-password", 22);

    /// <summary>Seed of the ES256 key auth signs tokens with (Auth__SigningKeys__0).</summary>
    public string AuthSigningKey => GetOrCreate("auth-signing-key", 43);

    private string GetOrCreate(string name, int length)
    {
        var file = Path.Combine(paths.Secrets, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file).Trim();
        }

        Directory.CreateDirectory(paths.Secrets);
        var value = RandomNumberGenerator.GetString(Alphabet, length);
        File.WriteAllText(file, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return value;
    }
}
