using System.Globalization;

namespace Shop.Catalog.Benchmarks;

/// <summary>`--products 100000 --seconds 10 --connections 16 --orders 300 --order-concurrency 16 --replicas 1`.</summary>
internal sealed record BenchmarkOptions(int Products, int Seconds, int Connections, int Orders, int OrderConcurrency, int Replicas)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["--products"] = 100_000,
            ["--seconds"] = 10,
            ["--connections"] = 16,
            ["--orders"] = 300,
            ["--order-concurrency"] = 16,
            ["--replicas"] = 1,
        };
        for (var index = 0; index < args.Length; index += 2)
        {
            if (!values.ContainsKey(args[index]) || index + 1 >= args.Length || !int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new ArgumentException($"Unknown or invalid option {args[index]}; options: {string.Join(", ", values.Keys)} (positive integers).");
            }

            values[args[index]] = value;
        }

        return new BenchmarkOptions(values["--products"], values["--seconds"], values["--connections"], values["--orders"], values["--order-concurrency"], values["--replicas"]);
    }
}
