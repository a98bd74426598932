using System.Security.Cryptography;

namespace Shop.ServiceDefaults.Secrets;

/// <summary>
/// Development only, when a secret is not configured (a plain `dotnet run`): a random secret generated once per
/// machine and kept in the user's local application data (mode 600), outside the repository, so it survives
/// restarts and every service on the machine reads the same one.
/// </summary>
public static class DevelopmentSecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string DefaultFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "shop");

    public static string LoadOrCreate(string name, int length, string? folder = null)
    {
        folder ??= DefaultFolder;
        var file = Path.Combine(folder, name);
        if (File.Exists(file))
        {
            return File.ReadAllText(file);
        }

        Directory.CreateDirectory(folder);
        var temporary = file + "." + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, RandomNumberGenerator.GetString(Alphabet, length));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two services starting together: the first move wins and both read the winner.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(file);
    }
}
