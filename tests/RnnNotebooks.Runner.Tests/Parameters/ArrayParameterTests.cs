using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Parameters;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Parameters;

/// <summary>An array parameter takes comma-separated elements, as the file-based apps read it (braces and new[] optional).</summary>
public class ArrayParameterTests
{
    [Theory]
    [InlineData("2019,2020", "int[]", "new int[] { 2019, 2020 }")]
    [InlineData(" { 2019, 2020 } ", "int[]", "new int[] { 2019, 2020 }")]
    [InlineData("new[] { 2020 }", "int[]", "new int[] { 2020 }")]
    [InlineData("0.9,1.5", "double[]", "new double[] { 0.9d, 1.5d }")]
    [InlineData("imdb,stocks", "string[]", "new string[] { \"imdb\", \"stocks\" }")]
    [InlineData("{}", "int[]", "new int[] {  }")]
    public void Elements_are_checked_one_by_one_and_written_as_an_array(string text, string type, string expected)
    {
        Assert.Equal(expected, ParameterLiteral.ToCSharp(text, type));
    }

    [Fact]
    public void A_bad_element_names_the_whole_value_and_the_element()
    {
        var error = Assert.Throws<FormatException>(() => ParameterLiteral.ToCSharp("2019,twenty", "int[]"));

        Assert.Equal("'2019,twenty' is not a valid int[] (comma-separated elements): 'twenty' is not a valid int (finite, in range)", error.Message);
    }

    [Fact]
    public async Task The_injected_array_replaces_the_declared_one_in_the_kernel()
    {
        var (result, notebook) = await new TestNotebook()
            .Code("int[] testYears = { 2018 }; // quick: { 2020 }", "parameters")
            .Code("string.Join(\"+\", testYears)")
            .RunAsync(new ExecutionOptions { Parameters = new Dictionary<string, string> { ["testYears"] = "2019,2020" } });

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("2019+2020", Outputs.Shown(Outputs.Single(notebook.Cells.Last(), "execute_result")));
    }
}
