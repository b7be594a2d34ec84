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
    public void The_setup_cell_becomes_project_and_include_directives_and_the_scripts_statements()
    {
        var folder = SetupFolder();
        var solutions = Directory.CreateDirectory(Path.Combine(folder, "solutions")).FullName;
        var app = AppConverter.Convert(NotebookFile.Read(new TestNotebook()
            .Code("// The course library and its twins.\n#!import ../setup/Build.csx\n#load \"../setup/Torch.csx\"\nvar clock = 1;")
            .Code("var x = 2;")
            .Write(solutions, "07-demo-solutions.ipynb")));

        var header = app[..app.IndexOf("NotebookApp.Start(", StringComparison.Ordinal)];
        Assert.StartsWith("#!/usr/bin/env dotnet\n", app);
        Assert.Contains("#:project ../../src/RnnNotebooks.Course/RnnNotebooks.Course.csproj\n", header);
        Assert.Contains("#:project ../../src/RnnNotebooks.Torch/RnnNotebooks.Torch.csproj\n", header);
        Assert.Contains("#:include ../setup/Course.usings.cs\n#:include ../setup/Torch.usings.cs\n", header);
        Assert.DoesNotContain("using Fake", app);
        Assert.Contains("// (#!import ../setup/Build.csx: in a notebook it builds", app);
        Assert.Contains("Notebook.Setup();\nConsole.WriteLine(\"torch\");\nvar clock = 1;\n", app);
        Assert.DoesNotContain("#load", app);
        Assert.DoesNotContain("a comment of the script", app);
    }

    [Fact]
    public void A_loaded_script_that_is_missing_or_holds_more_than_references_and_statements_fails_the_conversion()
    {
        var folder = SetupFolder();
        File.WriteAllText(Path.Combine(folder, "setup", "Typed.csx"), "record Pair(int A);\n");

        var missing = Assert.Throws<ConversionException>(() => AppConverter.Convert(NotebookFile.Read(new TestNotebook()
            .Code("#!import setup/Build.csx\n#load \"setup/Nowhere.csx\"").Write(folder, "05-demo.ipynb"))));
        var typed = Assert.Throws<ConversionException>(() => AppConverter.Convert(NotebookFile.Read(new TestNotebook()
            .Code("#load \"setup/Typed.csx\"").Write(folder, "05-demo.ipynb"))));

        Assert.Contains("cell 1", missing.Message);
        Assert.Contains("setup/Nowhere.csx", missing.Message);
        Assert.Contains("setup/Typed.csx", typed.Message);
        Assert.Contains("#r, #load and statements only", typed.Message);
    }

    [Fact]
    public void Only_the_build_script_is_an_import_an_app_can_do_without()
    {
        var e = Refused(new TestNotebook().Code(Reference).Code("#!import other.dib\nvar x = 1;"));
        Assert.Contains("cell 2", e.Message);
        Assert.Contains("#!import other.dib", e.Message);
    }

    // A folder with setup/ scripts of the real ones' shape: Torch.csx loads Course.csx, each #r's its library and loads a .cs of global usings.
    private static string SetupFolder()
    {
        var folder = TempFolder.Create();
        var setup = Directory.CreateDirectory(Path.Combine(folder, "setup")).FullName;
        File.WriteAllText(Path.Combine(setup, "Course.csx"), """
            // a comment of the script
            #r "../../src/RnnNotebooks.Course/bin/Release/net10.0/RnnNotebooks.Course.dll"
            #r "../../src/RnnNotebooks.Course/bin/Release/net10.0/Plotly.NET.dll"
            #load "Course.usings.cs"

            Notebook.Setup();
            """);
        File.WriteAllText(Path.Combine(setup, "Torch.csx"), """
            #load "Course.csx"
            #r "../../src/RnnNotebooks.Torch/bin/Release/net10.0/RnnNotebooks.Torch.dll"
            #load "Torch.usings.cs"
            Console.WriteLine("torch");
            """);
        File.WriteAllText(Path.Combine(setup, "Course.usings.cs"), "global using Fake;\n");
        File.WriteAllText(Path.Combine(setup, "Torch.usings.cs"), "global using FakeTorch;\n");
        File.WriteAllText(Path.Combine(setup, "Build.csx"), "{ }\n");
        return folder;
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
