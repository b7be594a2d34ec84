using RnnNotebooks.Runner.Execution;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Parameters;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Parameters;

public class ParameterInjectionTests
{
    private static TestNotebook WithParameters() => new TestNotebook()
        .Code("int epochs = 10; // quick: 1\nvar rate = 0.01;\nstring dataset = \"imdb\";\nfloat scale = 2f; // quick: 0.5f\nbool shuffle = true;", "parameters")
        .Code("$\"{epochs}|{rate}|{dataset}|{scale}|{shuffle}|{rate.GetType().Name}|{scale.GetType().Name}\"");

    private static string ResultOf(NotebookDocument notebook) =>
        Outputs.Shown(Outputs.Single(notebook.Cells.Last(), "execute_result"));

    [Fact]
    public async Task Param_values_are_injected_after_the_parameters_cell_with_the_declared_types()
    {
        var parameters = new Dictionary<string, string> { ["epochs"] = "3", ["rate"] = "1", ["dataset"] = "stocks", ["shuffle"] = "False" };
        var (result, notebook) = await WithParameters().RunAsync(new ExecutionOptions { Parameters = parameters });

        Assert.True(result.Status == NotebookStatus.Passed, result.Message);
        Assert.Equal("3|1|stocks|2|False|Double|Single", ResultOf(notebook));
        var injected = notebook.Cells[1];
        Assert.Equal([ParameterInjector.InjectedTag], injected.Tags);
        Assert.Equal("injected-parameters", injected.Json["id"]!.GetValue<string>());
        Assert.Contains("string dataset = \"stocks\";", injected.Source);
    }

    [Fact]
    public async Task Quick_uses_the_quick_comments_and_an_explicit_param_wins()
    {
        var options = new ExecutionOptions { Quick = true, Parameters = new Dictionary<string, string> { ["epochs"] = "2" } };
        var (_, notebook) = await WithParameters().RunAsync(options);

        Assert.Equal("2|0.01|imdb|0.5|True|Double|Single", ResultOf(notebook));
    }

    [Fact]
    public async Task In_an_nbformat_4_4_notebook_the_injected_cell_has_no_id()
    {
        var (result, notebook) = await new TestNotebook(minor: 4)
            .Code("int epochs = 10; // quick: 1", "parameters")
            .Code("epochs")
            .RunAsync(new ExecutionOptions { Quick = true });

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Equal([ParameterInjector.InjectedTag], notebook.Cells[1].Tags);
        Assert.All(notebook.Cells, c => Assert.False(c.Json.ContainsKey("id")));
        Assert.Equal("1", ResultOf(notebook));
    }

    [Fact]
    public async Task Without_parameters_nothing_is_injected()
    {
        var (_, notebook) = await WithParameters().RunAsync();

        Assert.Equal(2, notebook.Cells.Count);
        Assert.Equal("10|0.01|imdb|2|True|Double|Single", ResultOf(notebook));
    }

    [Fact]
    public async Task A_value_that_does_not_fit_the_type_fails_naming_the_parameter()
    {
        var options = new ExecutionOptions { Parameters = new Dictionary<string, string> { ["epochs"] = "many" } };
        var (result, _) = await WithParameters().RunAsync(options);

        Assert.Equal(NotebookStatus.Failed, result.Status);
        Assert.Equal("--param epochs: 'many' is not a valid int (finite, in range) (declared in cell 1)", result.Message);
    }

    [Fact]
    public async Task A_parameter_another_notebook_declares_is_noted_as_not_applied_here()
    {
        var options = new ExecutionOptions { Parameters = new Dictionary<string, string> { ["epocs"] = "2" } };
        var (result, _) = await WithParameters().RunAsync(options);

        Assert.Equal(NotebookStatus.Passed, result.Status);
        Assert.Contains(result.Notes, n => n.Contains("not applied here: epocs"));
    }

    [Fact]
    public void Declarations_are_read_with_types_const_and_quick_values()
    {
        var declarations = ParameterCellParser.Parse("const int Seed = 42; // quick: 7\nvar n = -5;\nvar f = Foo();\nvar s = \"x\"; // a comment\n");

        Assert.Equal(
            [
                new ParameterDeclaration("Seed", "int", true, "7"),
                new ParameterDeclaration("n", "int", false, null),
                new ParameterDeclaration("f", null, false, null),
                new ParameterDeclaration("s", "string", false, null),
            ],
            declarations);
    }

    [Theory]
    [InlineData("5", "int", "5")]
    [InlineData("0.5", "float", "0.5f")]
    [InlineData("1e-3", "double", "1e-3d")]
    [InlineData("0.1", "decimal", "0.1m")]
    [InlineData("say \"hi\"", "string", "\"say \\\"hi\\\"\"")]
    [InlineData("true", "bool", "true")]
    [InlineData("Mode.Fast", "Mode", "Mode.Fast")]
    [InlineData("-128", "sbyte", "-128")]
    [InlineData("4294967295", "uint", "4294967295")]
    public void Param_text_becomes_a_literal_of_the_declared_type(string text, string type, string expected) =>
        Assert.Equal(expected, ParameterLiteral.ToCSharp(text, type));

    [Theory]
    [InlineData("2147483648", "int")]
    [InlineData("256", "byte")]
    [InlineData("-1", "uint")]
    [InlineData("Infinity", "double")]
    [InlineData("1e39", "float")]
    [InlineData("yes", "bool")]
    public void Param_text_that_does_not_fit_the_type_is_refused(string text, string type) =>
        Assert.Throws<FormatException>(() => ParameterLiteral.ToCSharp(text, type));
}
