using System.Globalization;

namespace Shop.DevStack;

/// <summary>
/// s3rver: a real S3 REST endpoint backed by a folder, standing in for MinIO. It accepts only its built-in
/// credentials (S3RVER / S3RVER) and checks request signatures with them.
/// </summary>
public sealed class S3Server(int port, StackPaths paths, string repositoryRoot) : StackComponent("storage", port, paths)
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The connection string the AppHost injects as ConnectionStrings__storage.</summary>
    public string ConnectionString => $"Endpoint={Endpoint};AccessKey={AccessKey};SecretKey={SecretKey}";

    protected override string CommandLineMarker => $"s3rver.js -d {Paths.DataFor("storage")}";

    protected override ProcessSpec CreateSpec()
    {
        Directory.CreateDirectory(Paths.DataFor("storage"));
        return new ProcessSpec(
            Tools.Require("node", "install Node.js 20"),
            [Tools.NodePackageScript(repositoryRoot, "s3rver/bin/s3rver.js"), "-d", Paths.DataFor("storage"), "-a", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "--no-vhost-buckets"])
        {
            LogFile = LogFile,
        };
    }
}
