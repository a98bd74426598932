using System.Globalization;
using Shop.DevStack;
using Shop.Gateway.Benchmarks;

namespace Shop.Catalog.Benchmarks;

/// <summary>
/// CPU time (user + system) used by a set of the stack's processes: far steadier than rates on a machine other
/// work shares. PostgreSQL counts with every backend process under its postmaster.
/// </summary>
internal sealed class CpuMeter(params StackComponent[] components)
{
    public TimeSpan Total() => TimeSpan.FromTicks(components.SelectMany(Processes).Sum(pid => Cpu(pid).Ticks));

    /// <summary>CPU time per component (instances of one service summed), by name.</summary>
    public Dictionary<string, TimeSpan> ByComponent() => components
        .GroupBy(component => component is ServiceInstance instance ? instance.Project.Name : component.Name)
        .ToDictionary(group => group.Key, group => TimeSpan.FromTicks(group.SelectMany(Processes).Sum(pid => Cpu(pid).Ticks)));

    /// <summary>CPU microseconds per operation spent while <paramref name="work"/> ran.</summary>
    public async Task<(T Result, double MicrosecondsPerOperation)> MeasureAsync<T>(Func<Task<T>> work, Func<T, long> operations)
    {
        var before = Total();
        var result = await work();
        var used = Total() - before;
        return (result, used.TotalMicroseconds / Math.Max(1, operations(result)));
    }

    private static IEnumerable<int> Processes(StackComponent component)
    {
        if (component.Pid is not { } pid)
        {
            return [];
        }

        return component is PostgresServer ? [pid, .. ChildrenOf(pid)] : [pid];
    }

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent);

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A process that ended meanwhile (a PostgreSQL backend) counts as nothing.</summary>
    private static TimeSpan Cpu(int pid)
    {
        try
        {
            return ProcessCpu.Of(pid);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
