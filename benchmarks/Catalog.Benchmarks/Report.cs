using System.Globalization;

namespace Shop.Catalog.Benchmarks;

/// <summary>Prints the figures as Markdown table rows, ready for docs/benchmarks.md.</summary>
internal sealed class Report(TextWriter output)
{
    public void Line(string text) => output.WriteLine(text);

    public void Table(params string[] headers)
    {
        output.WriteLine();
        output.WriteLine("| " + string.Join(" | ", headers) + " |");
        output.WriteLine("|" + string.Concat(headers.Select(_ => "---|")));
    }

    public void Row(params object[] cells) =>
        output.WriteLine("| " + string.Join(" | ", cells.Select(cell => cell switch
        {
            double number => number.ToString(number >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture),
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
        })) + " |");
}
