using Shop.Auth.Tokens;

namespace Shop.Auth.Tests.Unit;

public sealed class DevelopmentSigningKeyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "shop-devkey-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_development_seed_is_made_once_readable_only_by_its_owner_and_reused()
    {
        var first = DevelopmentSigningKey.LoadOrCreate(folder);
        var second = DevelopmentSigningKey.LoadOrCreate(folder);

        Assert.Equal(first, second);
        Assert.True(first.Length >= SigningKey.MinimumSeedLength);
        using var key = SigningKey.Parse(first, "dev");
        var file = Assert.Single(Directory.GetFiles(folder));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
