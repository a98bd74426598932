namespace Shop.ChartCheck.Checks;

/// <summary>One defect, printed as one line: where it is, then what is wrong.</summary>
internal sealed record Finding(string Where, string Problem)
{
    public override string ToString() => $"{Where}: {Problem}";
}
