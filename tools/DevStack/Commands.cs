using System.Diagnostics;
using System.Globalization;

namespace Shop.DevStack;

internal static class Commands
{
    private static readonly string[] InfrastructureNames = ["postgres", "nats", "storage", "mail"];

    public static async Task<int> UpAsync(StackOptions options)
    {
        var clock = Stopwatch.StartNew();
        var stack = new LocalStack(options);
        try
        {
            await stack.StartAsync();
        }
        catch (StackException)
        {
            Console.Error.WriteLine("shop: startup failed; stopping what this run started. Logs: " + stack.Paths.Logs);
            await DownAsync(stack.Paths);
            throw;
        }

        Console.WriteLine($"Shop is up and healthy after {clock.Elapsed.TotalSeconds:0.0} s.");
        Console.WriteLine($"  gateway    {stack.Gateway.Url}");
        Console.WriteLine($"  mail UI    {stack.Mail.WebUrl}  (API: {stack.Mail.WebUrl}/email)");
        Console.WriteLine($"  logs       {stack.Paths.Logs}  (./shop logs [name])");
        Console.WriteLine("  stop with  ./shop down");
        return 0;
    }

    /// <summary>Stops every process this state directory started, by PID, services before servers.</summary>
    public static async Task<int> DownAsync(StackPaths paths)
    {
        var records = PidRecord.ReadAll(paths).ToList();
        var services = records.Where(record => !InfrastructureNames.Contains(record.Name));
        var servers = records.Where(record => InfrastructureNames.Contains(record.Name));
        foreach (var group in new[] { services, servers })
        {
            await Task.WhenAll(group.Select(async record =>
            {
                if (record.Attach() is { } process)
                {
                    await process.StopAsync(TimeSpan.FromSeconds(15));
                    Console.WriteLine($"stopped {record.Name} (pid {record.Pid})");
                }

                File.Delete(PidRecord.FileFor(paths, record.Name));
            }));
        }

        return 0;
    }

    public static async Task<int> StatusAsync(StackPaths paths)
    {
        var records = PidRecord.ReadAll(paths).ToList();
        if (records.Count == 0)
        {
            Console.WriteLine("Nothing is running (./shop up starts the stack).");
            return 0;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        Console.WriteLine($"{"name",-16} {"pid",-8} {"port",-6} state");
        foreach (var record in records)
        {
            var state = record.Attach() is null ? "stopped" : "running";
            if (state == "running" && !InfrastructureNames.Contains(record.Name))
            {
                state += await HealthAsync(http, record.Port);
            }

            Console.WriteLine($"{record.Name,-16} {record.Pid.ToString(CultureInfo.InvariantCulture),-8} {record.Port.ToString(CultureInfo.InvariantCulture),-6} {state}");
        }

        return 0;
    }

    /// <summary>Stops everything and deletes data and logs; the generated secrets stay.</summary>
    public static async Task<int> ResetAsync(StackPaths paths)
    {
        await DownAsync(paths);
        foreach (var directory in new[] { paths.Data, paths.Logs })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        Console.WriteLine("Data and logs deleted.");
        return 0;
    }

    private static async Task<string> HealthAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health"));
            return $", /health {(int)response.StatusCode}";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return ", /health not answering";
        }
    }
}
