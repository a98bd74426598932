using System.Globalization;

namespace Shop.Load;

/// <summary>A process's memory from /proc/&lt;pid&gt;/status: VmHWM (peak resident set) and VmRSS (resident now), in MiB.</summary>
public static class ProcessMemory
{
    public static double? PeakMiB(int pid) => Read(pid, "VmHWM:");

    public static double? ResidentMiB(int pid) => Read(pid, "VmRSS:");

    private static double? Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(text => text.StartsWith(field, StringComparison.Ordinal));
            return line is null ? null : double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
