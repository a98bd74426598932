namespace Shop.ChartCheck.Checks;

/// <summary>One defect, printed as one line: where it is (file and object), the field, then what is wrong.</summary>
internal sealed record Finding(string Where, string Field, string Problem)
{
    public override string ToString() => $"{Where}: {Field}: {Problem}";
}
