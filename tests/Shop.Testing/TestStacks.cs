using Shop.DevStack;

namespace Shop.Testing;

/// <summary>Creates local stacks for tests: free ports, a private state folder, no fsync, the build the tests run from.</summary>
public static class TestStacks
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release, read from where this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    public static LocalStack Create(int replicas = 1, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(new StackOptions
        {
            RepositoryRoot = RepositoryRoot,
            StateDirectory = NewStateDirectory(),
            Configuration = Configuration,
            Replicas = replicas,
            Durable = false,
            Ports = StackPorts.Free(),
            Environment = environment ?? new Dictionary<string, string?>(),
        });

    /// <summary>A fresh folder under $SHOP_TEST_STATE_ROOT (./shop test cleans it up) or .shop/test.</summary>
    public static string NewStateDirectory() => Path.Combine(
        Environment.GetEnvironmentVariable("SHOP_TEST_STATE_ROOT") ?? Path.Combine(RepositoryRoot, ".shop", "test"),
        Guid.NewGuid().ToString("N")[..12]);

    private static string FindRepositoryRoot()
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
