namespace Shop.Load;

/// <summary>What one kind of request did during a run: latencies (ms) and errors, safe to add to from many workers.</summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();
    private int errors;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return milliseconds.Count;
            }
        }
    }

    public int Errors => Volatile.Read(ref errors);

    public void Add(double elapsedMilliseconds, bool failed)
    {
        lock (gate)
        {
            milliseconds.Add(elapsedMilliseconds);
        }

        if (failed)
        {
            Interlocked.Increment(ref errors);
        }
    }

    public double Percentile(double fraction)
    {
        lock (gate)
        {
            if (milliseconds.Count == 0)
            {
                return 0;
            }

            var sorted = milliseconds.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
        }
    }
}
