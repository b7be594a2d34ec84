using System.Xml.Linq;
using Microsoft.Data.Analysis;
using RnnNotebooks.Course.Tables;

namespace RnnNotebooks.Course.Tests.Tables;

public sealed class TableTests
{
    [Fact]
    public void Html_escapes_text_and_right_aligns_numbers()
    {
        var df = new DataFrame(Table.Column("model", new[] { "<naive>", "GRU" }), Table.Column("rmse", new[] { 1.234567891, 0.5 }));
        var html = Table.Html(df);
        XElement.Parse(html);
        Assert.Contains("&lt;naive&gt;", html);
        Assert.Contains("text-align:right;font-family:monospace\">1.23457</td>", html);
        Assert.Contains(">rmse</th>", html);
    }

    [Fact]
    public void Long_tables_are_cut_in_the_middle_and_say_how_long_they_are()
    {
        var df = new DataFrame(Table.Column("i", Enumerable.Range(0, 100)));
        var html = Table.Html(df);
        Assert.Equal(Table.MaxRows + 1, html.Split("<tr>").Length - 2);   // header + 30 rows (one of them "…")
        Assert.Contains(">…</td>", html);
        Assert.Contains(">99</td>", html);
        Assert.DoesNotContain(">50</td>", html);
        Assert.Contains("100 rows × 1 columns", html);
    }

    [Fact]
    public void Unsupported_column_types_are_named()
    {
        var e = Assert.Throws<ArgumentException>(() => Table.Column("when", new[] { TimeSpan.Zero }));
        Assert.Contains("'when'", e.Message);
        Assert.Contains("TimeSpan", e.Message);
    }
}
