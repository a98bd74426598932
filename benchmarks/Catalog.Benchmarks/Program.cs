using Shop.Catalog.Benchmarks;

// Catalogue list/search at 100k products and orders end to end, on a private local stack. See docs/benchmarks.md.
var options = BenchmarkOptions.Parse(args);
await using var run = await BenchmarkStack.StartAsync(options);
var report = new Report(Console.Out);

report.Line($"Seeded {options.Products:N0} products in {(await run.SeedAsync()).TotalSeconds:0.0} s.");
await CatalogueBenchmark.RunAsync(run, options, report);
await OrdersBenchmark.RunAsync(run, options, report);
