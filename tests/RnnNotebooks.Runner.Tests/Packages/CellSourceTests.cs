using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Packages;

namespace RnnNotebooks.Runner.Tests.Packages;

public class CellSourceTests
{
    [Fact]
    public void Nuget_directives_are_taken_out_and_line_numbers_kept()
    {
        var source = CellSource.Parse("#r \"nuget: Spectre.Console, 0.49.1\"\n#r \"nuget:Humanizer\"\n#i \"nuget: https://example.invalid/v3/index.json\"\nvar x = 1;", "csharp");

        Assert.Equal([new PackageReference("Spectre.Console", "0.49.1"), new PackageReference("Humanizer", null)], source.Packages);
        Assert.Equal(["https://example.invalid/v3/index.json"], source.RestoreSources);
        var segment = Assert.Single(source.Segments);
        Assert.Equal("\n\n\nvar x = 1;", segment.Code);
    }

    [Fact]
    public void Magic_lines_split_a_cell_into_kernel_segments()
    {
        var source = CellSource.Parse("#!markdown\n# Title\n#!csharp\n1", "csharp");

        Assert.Equal(["markdown", "csharp"], source.Segments.Select(s => s.Language));
        Assert.Equal("\n\n\n1", source.Segments[1].Code);
    }
}
