using System.Security.Cryptography;

namespace Shop.Auth.Tokens;

/// <summary>
/// Development only, when no key is configured (a plain `dotnet run`): a seed generated once per machine and
/// kept in the user's local application data, outside the repository, so tokens survive restarts.
/// </summary>
internal static class DevelopmentSigningKey
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string DefaultFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop");

    public static string LoadOrCreate(string folder)
    {
        var file = Path.Combine(folder, "auth-signing-key");
        if (File.Exists(file))
        {
            return File.ReadAllText(file);
        }

        Directory.CreateDirectory(folder);
        var temporary = file + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, RandomNumberGenerator.GetString(Alphabet, SigningKey.MinimumSeedLength + 21));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two replicas starting together: the first move wins and both read the winner.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(file);
    }
}
