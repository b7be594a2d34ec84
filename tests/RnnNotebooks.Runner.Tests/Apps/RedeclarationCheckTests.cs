using RnnNotebooks.Runner.Apps;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Apps;

/// <summary>A name that a later cell declares again compiles in a kernel (one submission per cell) but not as one program: convert refuses it.</summary>
public class RedeclarationCheckTests
{
    private const string Reference = "#r \"../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll\"\nusing RnnNotebooks.Course;\nNotebook.Setup();";

    // Notebook 06's case before it was fixed: the dropout section declared 'gap' again.
    private const string GapNotebook = """
        {
          "cells": [
            { "cell_type": "code", "execution_count": null, "id": "setup", "metadata": {}, "outputs": [],
              "source": ["#r \"../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll\"\n", "using RnnNotebooks.Course;\n", "Notebook.Setup();"] },
            { "cell_type": "code", "execution_count": null, "id": "early-stop", "metadata": {}, "outputs": [],
              "source": ["// Early stopping: the gap between training and validation loss\n", "double train = 0.31, val = 0.42;\n", "var gap = val - train;\n", "Console.WriteLine(gap);"] },
            { "cell_type": "markdown", "id": "dropout-text", "metadata": {}, "source": ["## Dropout"] },
            { "cell_type": "code", "execution_count": null, "id": "dropout", "metadata": {}, "outputs": [],
              "source": ["\n", "  var withDropout = 0.05;\n", "var gap = withDropout;\n", "Console.WriteLine(gap);"] }
          ],
          "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" } },
          "nbformat": 4,
          "nbformat_minor": 5
        }
        """;

    private static string Convert(TestNotebook notebook) => AppConverter.Convert(NotebookFile.Read(notebook.Write(name: "06-demo.ipynb")));

    private static string Refused(TestNotebook notebook) => Assert.Throws<ConversionException>(() => Convert(notebook)).Message;

    [Fact]
    public void A_variable_declared_again_by_a_later_cell_names_the_notebook_both_cells_and_the_name()
    {
        var path = Path.Combine(TempFolder.Create(), "06-training.ipynb");
        File.WriteAllText(path, GapNotebook);

        var error = Assert.Throws<ConversionException>(() => AppConverter.Convert(NotebookFile.Read(path))).Message;

        Assert.StartsWith("06-training.ipynb: cell 4 (first line: var withDropout = 0.05;) declares the variable 'gap' again, "
            + "which cell 2 (first line: // Early stopping: the gap between training and validation loss) already declares as a variable.", error);
    }

    [Fact]
    public void A_method_declared_again_is_refused_even_with_another_signature()
    {
        var error = Refused(new TestNotebook().Code(Reference)
            .Code("double Loss(double x) => x * x;")
            .Code("double Loss(double x, double y) => (x - y) * (x - y);"));

        Assert.Contains("cell 3", error);
        Assert.Contains("the method 'Loss' again", error);
        Assert.Contains("cell 2 (first line: double Loss(double x) => x * x;)", error);
    }

    [Fact]
    public void A_type_declared_again_is_refused()
    {
        var error = Refused(new TestNotebook().Code(Reference)
            .Code("class Box { public int A; }")
            .Code("record Box(int A);"));

        Assert.Contains("cell 3", error);
        Assert.Contains("the record 'Box' again, which cell 2", error);
        Assert.Contains("as a class", error);
    }

    [Theory]
    [InlineData("int.TryParse(\"1\", out var n);", "var n = 2;")]
    [InlineData("object o = 1;\nif (o is int n) Console.WriteLine(n);", "int n = 3;")]
    [InlineData("var (n, m) = (1, 2);", "int n() => 3;")]
    [InlineData("var n = 1;", "const int n = 2;")]
    public void Out_pattern_and_deconstructed_variables_count_as_top_level(string first, string second)
    {
        var error = Refused(new TestNotebook().Code(Reference).Code(first).Code(second));

        Assert.Contains("'n' again", error);
        Assert.Contains("cell 3", error);
    }

    [Fact]
    public void Names_in_their_own_scopes_an_assignment_and_a_generic_twin_are_not_redeclarations()
    {
        var app = Convert(new TestNotebook().Code(Reference)
            .Code("var gap = 0.1;\nfor (var i = 0; i < 2; i++) { var t = i; }\nFunc<int, int> f = x => x;\nclass Box { }")
            .Code("gap = 0.2;\nfor (var i = 0; i < 3; i++) { var t = i * 2; }\nFunc<int, int> g = x => x + 1;\nclass Box<T> { }\nwhile (int.TryParse(\"1\", out var k)) { break; }")
            .Code("while (int.TryParse(\"2\", out var k)) { break; }\nvar squares = new[] { 1, 2 }.Select(v => { var s = v * v; return s; });"));

        Assert.Contains("gap = 0.2;", app);
        Assert.Contains("class Box<T> { }", app);
    }
}
