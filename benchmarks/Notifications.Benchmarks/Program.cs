using System.Globalization;
using System.Net.Http.Json;
using Shop.Notifications.Benchmarks;

// Notifications benchmark: sign-in mail latency and mails per second, each beside a reference measured in the
// same run on the same stack (the benchmark sending straight to maildev with MailKit over as many kept
// connections as the service's senders); then kill -9 at random moments and count what that costs.
// Usage: [--samples N] [--mails N] [--kills N]
var samples = Option("--samples", 300);
var mails = Option("--mails", 1000);
var kills = Option("--kills", 10);
const int SendConcurrency = 4; // NotificationOptions.SendConcurrency default, per replica

Console.WriteLine($"Notifications benchmark: {Environment.ProcessorCount} cores, {samples} latency samples, {mails} mails per throughput run, {kills} kills");
await using var stack = await BenchmarkStack.StartAsync();
await stack.StartSecondReplicaAsync();

var signInClient = await stack.SignInClientAsync();
Func<string, Task> signIn = signInClient is not null
    ? async email => (await signInClient.PostAsJsonAsync("/auth/login", new { email })).EnsureSuccessStatusCode()
    : email => stack.PublishAsync("auth", "login_code_requested", new { userId = Guid.NewGuid(), email, encryptedCode = Shop.ServiceDefaults.Secrets.SignInCodeCipher.Development().Encrypt(Random.Shared.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture), email), expiresAt = DateTimeOffset.UtcNow.AddMinutes(10) });
await using var smtp = new DirectSmtp(stack.SmtpHost, stack.SmtpPort);
Func<string, Task> direct = email => smtp.SendAsync(email, "123456 is your Shop sign-in code");

// Warm up JIT, connection pools and maildev before measuring.
await LatencyBenchmark.MeasureAsync(stack.Sink, 20, signIn);
await LatencyBenchmark.MeasureAsync(stack.Sink, 20, direct);

Console.WriteLine();
Console.WriteLine(signInClient is not null
    ? $"Sign-in latency: POST {signInClient.BaseAddress}auth/login ({(signInClient == stack.Gateway ? "gateway" : "auth directly: the gateway does not route it yet")}) -> code mail listed by maildev, 2 notifications replicas"
    : "Sign-in latency: login_code_requested published to JetStream -> code mail listed by maildev, 2 notifications replicas (no POST /auth/login on this branch yet)");
Console.WriteLine($"  notifications        {await LatencyBenchmark.MeasureAsync(stack.Sink, samples, signIn)}");
Console.WriteLine($"  reference            {await LatencyBenchmark.MeasureAsync(stack.Sink, samples, direct)}   (benchmark sends the mail itself with MailKit on a kept connection)");

Console.WriteLine();
Console.WriteLine("Mails per second: events published -> every mail accepted by maildev (each checked to be there exactly once)");
var twoReplicas = await ThroughputBenchmark.ServiceAsync(stack, mails);
var reference = await ThroughputBenchmark.DirectAsync(stack, mails, 2 * SendConcurrency, email => smtp.SendAsync(email, "Reference"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  notifications, 2 replicas  {twoReplicas,8:0} mails/s   ({twoReplicas / reference:0.00}x the reference; goal at least 0.8x)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reference                  {reference,8:0} mails/s   (benchmark sends straight to maildev with MailKit, {smtp.Connections} kept connections)"));

Console.WriteLine();
Console.WriteLine("kill -9 of replica 1 at a random moment of a 100-mail batch, restarted at once (lease 5 s)");
var chaos = await KillBenchmark.RunAsync(stack, stack.FirstReplica, kills, 100);
Console.WriteLine($"  {chaos.Kills} kills, {chaos.Mails} mails: {chaos.Duplicates} sent twice (same Message-ID), {chaos.Lost} lost");

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : fallback;
}
