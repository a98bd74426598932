using System.Globalization;

namespace Shop.Auth.Benchmarks;

/// <summary>CPU time another process has used so far (user + system, from /proc), to charge a load run to the server.</summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat, 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) start at state; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
