using System.Text.Json;

namespace Shop.DevStack;

/// <summary>
/// What `run/<name>.pid` remembers of a started process: enough for a later `./shop down` to stop exactly
/// that process (the marker guards against a PID the OS has since given to something else).
/// </summary>
public sealed record PidRecord(string Name, int Pid, string Marker, int StopSignal, int Port)
{
    public static string FileFor(StackPaths paths, string name) => Path.Combine(paths.Run, $"{name}.pid");

    public static PidRecord? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<PidRecord>(File.ReadAllText(file));
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return null;
        }
    }

    public static IEnumerable<PidRecord> ReadAll(StackPaths paths) =>
        Directory.Exists(paths.Run)
            ? Directory.GetFiles(paths.Run, "*.pid").Select(Read).OfType<PidRecord>().OrderBy(record => record.Name, StringComparer.Ordinal)
            : [];

    public void Write(StackPaths paths)
    {
        Directory.CreateDirectory(paths.Run);
        File.WriteAllText(FileFor(paths, Name), JsonSerializer.Serialize(this));
    }

    /// <summary>The live process this record names, or null when it has gone.</summary>
    public ManagedProcess? Attach() => ManagedProcess.Attach(Pid, Marker, StopSignal);
}
