using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Apps;
using RnnNotebooks.Runner.Notebooks;
using RnnNotebooks.Runner.Tests.Support;

namespace RnnNotebooks.Runner.Tests.Apps;

/// <summary>The notebook → file-based app translation, one kernel-only construct at a time.</summary>
public class AppConverterTests
{
    private const string Reference = "#r \"../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll\"\n"
        + "#r \"../src/RnnNotebooks.Course/bin/Release/net10.0/Plotly.NET.dll\"\nusing RnnNotebooks.Course;\nNotebook.Setup();";

    private static string Convert(TestNotebook notebook, string name = "05-demo.ipynb") =>
        AppConverter.Convert(NotebookFile.Read(notebook.Write(name: name)));

    private static ConversionException Refused(TestNotebook notebook) =>
        Assert.Throws<ConversionException>(() => Convert(notebook));

    [Fact]
    public void References_become_project_directives_and_a_build_cell_is_left_out()
    {
        var app = Convert(new TestNotebook()
            .Code("if (!System.IO.File.Exists(\"../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll\")) { System.Console.WriteLine(\"building\"); }")
            .Code("#r \"../src/RnnNotebooks.Torch/bin/Release/net10.0/RnnNotebooks.Torch.dll\"\n" + Reference)
            .Code("#r \"nuget: Humanizer, 2.14.1\"\nvar a = 1;"));

        Assert.Contains("#:project ../src/RnnNotebooks.Course/RnnNotebooks.Course.csproj\n", app);
        Assert.Contains("#:project ../src/RnnNotebooks.Torch/RnnNotebooks.Torch.csproj\n", app);
        Assert.Contains("#:package Humanizer@2.14.1\n", app);
        Assert.Single(app.Split('\n'), l => l.StartsWith("#:project ../src/RnnNotebooks.Course/", StringComparison.Ordinal));
        Assert.DoesNotContain("#r ", app);
        Assert.DoesNotContain("building", app);
        Assert.DoesNotContain("Plotly.NET.csproj", app);
    }

    [Fact]
    public void Markdown_becomes_comments_and_cells_keep_their_order()
    {
        var app = Convert(new TestNotebook().Code(Reference).Markdown("# Title\n\nSome *text*.").Code("var first = 1;").Code("var second = first + 1;"));

        Assert.Contains("// # Title\n//\n// Some *text*.\n", app);
        Assert.True(app.IndexOf("var first = 1;", StringComparison.Ordinal) < app.IndexOf("var second = first + 1;", StringComparison.Ordinal));
        Assert.True(app.IndexOf("// # Title", StringComparison.Ordinal) < app.IndexOf("var first", StringComparison.Ordinal));
    }

    [Fact]
    public void Usings_move_to_the_top_and_types_after_the_statements()
    {
        var app = Convert(new TestNotebook().Code(Reference)
            .Code("using System.Text;\nvar sb = new StringBuilder();")
            .Code("record Pair(int A, int B);\nvar p = new Pair(1, 2);\nConsole.WriteLine(p);"));

        var start = app.IndexOf("NotebookApp.Start(", StringComparison.Ordinal);
        Assert.True(app.IndexOf("using System.Text;", StringComparison.Ordinal) < start);
        Assert.True(app.IndexOf("record Pair(int A, int B);", StringComparison.Ordinal) > app.IndexOf("Console.WriteLine(p);", StringComparison.Ordinal));
        Assert.Single(app.Split('\n'), l => l.Trim() == "using System.Text;");
    }

    [Fact]
    public void A_cells_last_expression_is_displayed_and_kernel_displays_become_display()
    {
        var app = Convert(new TestNotebook().Code(Reference)
            .Code("var x = 3;\nx * 2")
            .Code("Microsoft.DotNet.Interactive.KernelInvocationContext.Current.Display(x);")
            .Code("KernelInvocationContext.Current.Display(x);"));

        Assert.Contains("display(x * 2);", app);
        Assert.DoesNotContain("KernelInvocationContext", app);
        Assert.Contains("using static RnnNotebooks.Course.Apps.AppDisplay;", app);
    }

    [Fact]
    public void The_parameters_cell_takes_quick_values_then_command_line_values()
    {
        var app = Convert(new TestNotebook().Code(Reference)
            .Code("int epochs = 10; // quick: 2\nint[] years = { 2018, 2019 }; // quick: { 2020 }\ndouble lr = 1e-3;", "parameters"));

        Assert.Contains("new AppParameter(\"epochs\", typeof(int))", app);
        Assert.Contains("new AppParameter(\"years\", typeof(int[]))", app);
        Assert.Contains("if (NotebookApp.Quick)\n{\n    epochs = 2;\n    years = new int[] { 2020 };\n}\n", app);
        Assert.Contains("lr = NotebookApp.Param(\"lr\", lr);", app);
        Assert.True(app.IndexOf("int epochs = 10;", StringComparison.Ordinal) < app.IndexOf("epochs = 2;", StringComparison.Ordinal));
    }

    [Fact]
    public void A_magic_command_fails_the_conversion_naming_the_cell()
    {
        var e = Refused(new TestNotebook().Code(Reference).Code("#!time\nvar x = 1;"));
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("#!time", e.Message);
    }

    [Fact]
    public void Another_language_fails_the_conversion_naming_the_cell()
    {
        var e = Refused(new TestNotebook().Code(Reference)
            .CodeWithMetadata("let x = 1", new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" } }));
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("fsharp", e.Message);
    }

    [Fact]
    public void Other_kernel_apis_fail_the_conversion_naming_the_cell()
    {
        var e = Refused(new TestNotebook().Code(Reference).Code("var ctx = KernelInvocationContext.Current;"));
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("KernelInvocationContext", e.Message);
    }

    [Fact]
    public void A_dll_outside_the_projects_fails_the_conversion_naming_the_cell()
    {
        var e = Refused(new TestNotebook().Code(Reference).Code("#r \"/opt/lib/Other.dll\""));
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("/opt/lib/Other.dll", e.Message);
    }

    [Fact]
    public void A_cell_that_does_not_parse_fails_the_conversion_naming_the_cell()
    {
        var e = Refused(new TestNotebook().Code(Reference).Code("var x = ;"));
        Assert.Contains("cell 2", e.Message);
    }

    [Fact]
    public void A_const_parameter_fails_the_conversion_naming_the_cell()
    {
        var e = Refused(new TestNotebook().Code(Reference).Code("const int n = 3; // quick: 1", "parameters"));
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("'n'", e.Message);
    }

    [Fact]
    public void A_notebook_without_the_course_library_is_refused()
    {
        var e = Refused(new TestNotebook().Code("var x = 1;"));
        Assert.Contains("RnnNotebooks.Course.dll", e.Message);
    }
}
