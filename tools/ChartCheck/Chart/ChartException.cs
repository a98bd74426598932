namespace Shop.ChartCheck.Chart;

/// <summary>A chart ChartCheck cannot work on (missing files, a template action it does not render, ...).</summary>
internal sealed class ChartException(string message) : Exception(message);
