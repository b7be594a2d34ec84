namespace RnnNotebooks.Viz;

/// <summary>One subplot: its traces, axes and title. A plain figure has one panel.</summary>
internal sealed class Panel
{
    public List<Trace> Traces { get; } = new();
    public Axis X { get; set; } = new();
    public Axis Y { get; set; } = new();
    public string? Title { get; set; }

    public Panel Clone()
    {
        var p = new Panel { X = X, Y = Y, Title = Title };
        p.Traces.AddRange(Traces);
        return p;
    }
}
