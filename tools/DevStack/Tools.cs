namespace Shop.DevStack;

/// <summary>Finds the programs the stack runs.</summary>
public static class Tools
{
    // Debian keeps the PostgreSQL server programs off PATH.
    private static readonly string[] ExtraDirectories = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(version => Path.Combine(version, "bin")).ToArray()
        : [];

    public static string Require(string program, string hint) =>
        Find(program) ?? throw new StackException($"`{program}` is not installed: {hint}.");

    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraDirectories)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>A script installed by `npm ci` in tools/DevStack (s3rver, maildev).</summary>
    public static string NodePackageScript(string repositoryRoot, string relativePath)
    {
        var script = Path.Combine(repositoryRoot, "tools", "DevStack", "node_modules", relativePath);
        return File.Exists(script)
            ? script
            : throw new StackException($"{script} is missing: run `./shop up` (it runs `npm ci` in tools/DevStack).");
    }

    public static bool IsRoot => Environment.UserName == "root";
}
