using System.Diagnostics;
using Shop.DevStack;
using Shop.Testing;

namespace Shop.Auth.Tests.Unit;

/// <summary>Auth refuses to start without a usable signing key outside Development, and says which setting to fix.</summary>
public sealed class StartupErrorTests
{
    [Theory]
    [InlineData(null, "Auth__SigningKeys__0 is missing")]
    [InlineData("too-short", "Auth__SigningKeys__0 must be a secret of at least 43 characters")]
    public async Task Auth_stops_and_names_the_signing_key_setting(string? key, string expected)
    {
        var assembly = ShopProject.Auth.AssemblyPath(TestStacks.RepositoryRoot, TestStacks.Configuration);
        var start = new ProcessStartInfo("dotnet", [assembly, "--urls", $"http://127.0.0.1:{Ports.GetFree()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly),
        };
        // Well-formed connection strings: nothing is contacted before the key is read.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__authdb"] = "Host=127.0.0.1;Port=1;Username=u;Password=p;Database=authdb";
        start.Environment["ConnectionStrings__nats"] = "nats://127.0.0.1:1";
        start.Environment["ConnectionStrings__storage"] = "Endpoint=http://127.0.0.1:1;AccessKey=a;SecretKey=s";
        start.Environment.Remove("Auth__SigningKeys__0");
        if (key is not null)
        {
            start.Environment["Auth__SigningKeys__0"] = key;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        var printed = await output + await errors;
        Assert.Contains(expected, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short", printed.Replace(expected, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
