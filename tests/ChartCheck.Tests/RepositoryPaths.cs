namespace Shop.ChartCheck.Tests;

/// <summary>Files of this repository, found from the test's output folder upwards (the tests read sources, not copies).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Shop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Shop.sln not found above " + AppContext.BaseDirectory);
    }
}
