using System.Globalization;
using Shop.Auth.Benchmarks;
using Shop.DevStack;

// In process: issuing and validating ES256 access tokens, auth's code beside Microsoft.IdentityModel's in the
// same run. Over HTTP: /authn and /authz against a real auth (Release build) that DevStack starts with the
// PostgreSQL, NATS and S3 it needs, and the same server's static JWKS endpoint as the no-token baseline.
var repository = FindRepositoryRoot();
var stack = new LocalStack(new StackOptions
{
    RepositoryRoot = repository,
    StateDirectory = Path.Combine(Path.GetTempPath(), "shop-auth-bench", Guid.NewGuid().ToString("N")),
    Configuration = "Release",
    Durable = false,
    Ports = StackPorts.Free(),
    Environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
});
try
{
    Console.WriteLine($"{Environment.ProcessorCount} cores; starting PostgreSQL, NATS, S3, SMTP sink and auth (Release)...");
    await stack.StartInfrastructureAsync();
    var auth = stack.Service(ShopProject.Auth);
    await auth.StartAsync();
    using var tokens = new TokenBenchmarks(stack.Secrets.AuthSigningKey);

    Console.WriteLine("in process (auth is idle meanwhile)...");
    var issueOurs = await tokens.IssueOursAsync();
    var issueReference = await tokens.IssueReferenceAsync();
    var validate = await tokens.ValidateAsync();
    var signatureOnly = await tokens.VerifySignatureOnlyAsync();

    Console.WriteLine("over HTTP with wrk...");
    var pid = auth.Pid ?? throw new InvalidOperationException("auth is not running.");
    var duration = TimeSpan.FromSeconds(10);
    var bearer = $"Authorization: Bearer {tokens.IssueToken()}";
    await AuthnHttpBenchmark.RunAsync(pid, $"{auth.Url}/authn", TimeSpan.FromSeconds(2), bearer);
    var jwks = await AuthnHttpBenchmark.RunAsync(pid, $"{auth.Url}/.well-known/jwks.json", duration);
    var authn = await AuthnHttpBenchmark.RunAsync(pid, $"{auth.Url}/authn", duration, bearer);
    var authz = await AuthnHttpBenchmark.RunAsync(pid, $"{auth.Url}/authz", duration, bearer, "X-Original-Method: GET", "X-Original-URI: /order?page=1");

    Console.WriteLine();
    Console.WriteLine("| in process, ES256 | ops/s, 1 thread | CPU µs/op | ops/s, all cores |");
    Console.WriteLine("|---|---:|---:|---:|");
    Row("issue: auth's AccessTokenIssuer", issueOurs);
    Row("issue: reference, JsonWebTokenHandler.CreateToken", issueReference);
    Row("validate: JsonWebTokenHandler with Shop's rules (auth and every service)", validate);
    Row("validate: floor, the ES256 signature check alone", signatureOnly);
    Console.WriteLine();
    Console.WriteLine("| over HTTP to auth (wrk -t1 -c32 on the same cores) | requests/s | auth CPU µs/request |");
    Console.WriteLine("|---|---:|---:|");
    HttpRow("GET /.well-known/jwks.json (static bytes, no token: baseline)", jwks);
    HttpRow("GET /authn with a valid token", authn);
    HttpRow("GET /authz with a valid token, judging GET /order", authz);
}
finally
{
    await stack.StopAsync();
    Directory.Delete(stack.Paths.Root, recursive: true);
}

static void Row(string name, Throughput result) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.SingleThread:N0} | {result.CpuMicroseconds:0.0} | {result.AllCores:N0} |"));

static void HttpRow(string name, HttpThroughput result) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.RequestsPerSecond:N0} | {result.ServerCpuMicroseconds:0.0} |"));

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Shop.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Shop.sln not found).");
}
