using System.Diagnostics;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Foundation.Tests;

public sealed class StartupErrorTests
{
    [Fact]
    public async Task A_service_without_its_connection_string_stops_and_names_the_missing_key()
    {
        var assembly = ShopProject.Products.AssemblyPath(TestStacks.RepositoryRoot, TestStacks.Configuration);
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{Ports.GetFree()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly),
        };
        start.Environment.Remove("ConnectionStrings__productsdb");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("ConnectionStrings__productsdb is missing", await output + await errors, StringComparison.Ordinal);
    }
}
