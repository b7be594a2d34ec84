using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Course.Tables;

/// <summary>
/// Tables for notebooks as <see cref="DataFrame"/>s (Microsoft.Data.Analysis), displayed as HTML tables.
/// <code>
/// new DataFrame(Table.Column("period", names), Table.Column("mean", means))
/// </code>
/// </summary>
public static class Table
{
    /// <summary>Rows shown before the table is cut (the first rows and the last few are kept).</summary>
    public const int MaxRows = 30;

    /// <summary>A column of the right DataFrame type for <typeparamref name="T"/> (string, double, float, int, long, bool).</summary>
    /// <param name="name">Column header.</param>
    /// <param name="values">Cell values, top to bottom.</param>
    public static DataFrameColumn Column<T>(string name, IEnumerable<T> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        return values switch
        {
            IEnumerable<string> s => new StringDataFrameColumn(name, s),
            IEnumerable<double> d => new DoubleDataFrameColumn(name, d),
            IEnumerable<float> f => new SingleDataFrameColumn(name, f),
            IEnumerable<int> i => new Int32DataFrameColumn(name, i),
            IEnumerable<long> l => new Int64DataFrameColumn(name, l),
            IEnumerable<bool> b => new BooleanDataFrameColumn(name, b),
            _ => throw new ArgumentException(
                $"Column '{name}' has values of type {typeof(T).Name}; use string, double, float, int, long or bool.", nameof(values)),
        };
    }

    /// <summary>Registers the HTML rendering of DataFrames. Called by <c>Notebook.Setup()</c>.</summary>
    public static void Register()
    {
        Formatter.Register<DataFrame>((df, writer) => writer.Write(Html(df)), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>((df, writer) => writer.Write(df.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }

    /// <summary>
    /// An HTML table: headers, right-aligned numbers with up to 6 significant digits, all text escaped;
    /// longer than <see cref="MaxRows"/> rows, the middle is replaced by one "…" row.
    /// </summary>
    public static string Html(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rows = frame.Rows.Count;
        var shown = rows <= MaxRows
            ? Enumerable.Range(0, (int)rows).Select(r => (long)r).ToList()
            : Enumerable.Range(0, MaxRows - 5).Select(r => (long)r).Append(-1).Concat(Enumerable.Range((int)rows - 5, 5).Select(r => (long)r)).ToList();
        var sb = new StringBuilder("<table class=\"rnn-table\" style=\"border-collapse:collapse;font-size:13px\"><thead><tr>");
        foreach (var c in frame.Columns)
            sb.Append("<th style=\"padding:2px 10px;border-bottom:1px solid #999;text-align:")
              .Append(IsNumeric(c) ? "right" : "left").Append("\">").Append(E(c.Name)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in shown)
        {
            sb.Append("<tr>");
            foreach (var c in frame.Columns)
            {
                var text = r < 0 ? "…" : Cell(c[r]);
                sb.Append("<td style=\"padding:2px 10px;text-align:").Append(IsNumeric(c) ? "right;font-family:monospace" : "left")
                  .Append("\">").Append(E(text)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
        if (rows > MaxRows) sb.Append($"<div style=\"font-size:12px;color:#666\">{rows:N0} rows × {frame.Columns.Count} columns</div>");
        return sb.ToString();
    }

    /// <summary>
    /// The table as console text, as an app prints it: the same cells as <see cref="Html"/> (numbers with up to
    /// 6 significant digits, right-aligned; longer than <see cref="MaxRows"/> rows, the middle cut to one "…" row),
    /// columns padded to their widest cell, a rule under the headers.
    /// </summary>
    public static string Text(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var rows = frame.Rows.Count;
        var shown = rows <= MaxRows
            ? Enumerable.Range(0, (int)rows).Select(r => (long)r).ToList()
            : Enumerable.Range(0, MaxRows - 5).Select(r => (long)r).Append(-1).Concat(Enumerable.Range((int)rows - 5, 5).Select(r => (long)r)).ToList();
        var columns = frame.Columns.ToList();
        var cells = shown.Select(r => columns.Select(c => r < 0 ? "…" : Cell(c[r])).ToArray()).ToList();
        var widths = columns.Select((c, j) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(row => row[j].Length))).ToArray();
        var sb = new StringBuilder();
        string Line(IReadOnlyList<string> values) => string.Join("  ", values.Select((v, j) =>
            IsNumeric(columns[j]) ? v.PadLeft(widths[j]) : v.PadRight(widths[j]))).TrimEnd();
        sb.Append(Line(columns.Select(c => c.Name).ToArray())).Append('\n');
        sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in cells) sb.Append(Line(row)).Append('\n');
        if (rows > MaxRows) sb.Append($"{rows:N0} rows × {frame.Columns.Count} columns\n");
        return sb.ToString();
    }

    private static bool IsNumeric(DataFrameColumn c) => c.DataType != typeof(string) && c.DataType != typeof(bool) && c.DataType != typeof(DateTime);

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => Number(d),
        float f => Number(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
