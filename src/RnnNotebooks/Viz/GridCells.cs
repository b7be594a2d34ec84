namespace RnnNotebooks.Viz;

/// <summary>Where subplot <c>i</c> sits, as fractions of the plotting area (y up, like plotly's paper coordinates).</summary>
internal readonly record struct GridCell(double X0, double X1, double Y0, double Y1);

/// <summary>Computes subplot positions shared by the JSON and the SVG rendering.</summary>
internal static class GridCells
{
    public const double HorizontalGap = 0.1;
    public const double VerticalGap = 0.22;

    public static GridCell Of(Figure figure, int index)
    {
        int rows = figure.Rows, cols = figure.Columns;
        int r = index / cols, c = index % cols;
        var w = (1 - HorizontalGap * (cols - 1)) / cols;
        var h = (1 - VerticalGap * (rows - 1)) / rows;
        var x0 = c * (w + HorizontalGap);
        var y1 = 1 - r * (h + VerticalGap);
        return new GridCell(x0, x0 + w, y1 - h, y1);
    }
}
