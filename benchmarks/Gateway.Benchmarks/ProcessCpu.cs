using System.Globalization;

namespace Shop.Gateway.Benchmarks;

/// <summary>CPU time another process has used so far (user + system, from /proc), to charge a load run to the server.</summary>
internal static class ProcessCpu
{
    /// <summary>Linux reports CPU time in clock ticks of 1/100 s (USER_HZ).</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        // Fields after the command name (which may contain spaces) start at the closing parenthesis; utime and stime are fields 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
