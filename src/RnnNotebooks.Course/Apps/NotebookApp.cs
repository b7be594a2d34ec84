using System.Globalization;

namespace RnnNotebooks.Course.Apps;

/// <summary>
/// A notebook running as a C# file-based app (<c>dotnet run NN-topic.cs</c>), the route that needs only the .NET SDK.
/// The app generated from a notebook calls <see cref="Start"/> first; from then on the course's displays print to the
/// console and charts go to files in <see cref="OutputFolder"/>. In a notebook kernel nothing here is used.
/// </summary>
/// <remarks>
/// The four options are read here rather than by a command-line package: this assembly is also loaded into the
/// notebook kernel, which brings its own System.CommandLine.
/// </remarks>
public static class NotebookApp
{
    private static readonly Dictionary<string, string> Given = new(StringComparer.Ordinal);
    private static int _charts;
    private static string _launchFolder = Directory.GetCurrentDirectory();

    /// <summary>True after <see cref="Start"/>: the process is a notebook's app, not a kernel.</summary>
    public static bool IsRunning { get; private set; }

    /// <summary>The notebook's name without extension, e.g. <c>03-bptt</c>.</summary>
    public static string Name { get; private set; } = "";

    /// <summary>True with <c>--quick</c>: the parameters take their <c>// quick:</c> values.</summary>
    public static bool Quick { get; private set; }

    /// <summary>Where charts are written (<c>--output</c>; default <c>artifacts/apps/&lt;name&gt;</c> in the repository).</summary>
    public static string OutputFolder { get; private set; } = "";

    /// <summary>False with <c>--no-images</c>: charts are written as HTML only, even where Chromium exists.</summary>
    public static bool Images { get; private set; } = true;

    /// <summary>The usage text of an app.</summary>
    public static string Usage(string app) => $"""
        Usage: dotnet run {app} -- [options]

        Runs the notebook {Path.ChangeExtension(app, ".ipynb")} as a program: its text as comments, its cells in
        order, tables and values printed, charts written as HTML (and PNG where Chromium exists).

        Options:
          --quick                     Use the quick values of the parameters cell ('// quick: <value>').
          -p, --param <name=value>    Set a parameter of the parameters cell; wins over --quick. Repeatable.
                                      The value is read as the declared type: numbers as in C# source
                                      (0.001, 1e-3; finite and in range), bool as true or false, a string
                                      as given (quotes optional), an array as comma-separated elements:
                                        --param testYears=2019,2020   (braces optional: "{2019, 2020}")
          -o, --output <dir>          Folder for the charts (default artifacts/apps/<notebook> in the repository).
          --no-images                 Write charts as HTML only (no PNG, no Chromium).
          -h, --help                  Show this help.
        """;

    /// <summary>
    /// Reads the command line, makes the notebook's folder the working directory (as a kernel does) and prepares the
    /// output folder. Bad arguments print an error naming the argument and end the process with exit code 2.
    /// </summary>
    /// <param name="args">The app's command line.</param>
    /// <param name="notebook">The notebook the app was made from, relative to the app's folder (e.g. <c>03-bptt.ipynb</c>).</param>
    /// <param name="parameters">The variables of the notebook's parameters cell.</param>
    public static void Start(string[] args, string notebook, params AppParameter[] parameters)
    {
        ArgumentNullException.ThrowIfNull(args);
        var app = Path.ChangeExtension(Path.GetFileName(notebook), ".cs");
        try
        {
            var options = Parse(args, parameters);
            if (options.Help)
            {
                Console.WriteLine(Usage(app));
                Environment.Exit(0);
            }
            _launchFolder = Directory.GetCurrentDirectory();
            var folder = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(folder);
            Name = Path.GetFileNameWithoutExtension(notebook);
            Quick = options.Quick;
            Images = options.Images;
            OutputFolder = Path.GetFullPath(options.Output ?? DefaultOutput(folder, Name));
            Given.Clear();
            foreach (var (k, v) in options.Values) Given[k] = v;
            IsRunning = true;
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine($"Run 'dotnet run {app} -- --help' for usage.");
            Environment.Exit(2);
        }
    }

    /// <summary>
    /// The parameter's value: the <c>--param</c> text read as <typeparamref name="T"/> when one was given, else
    /// <paramref name="value"/> (the declared or quick value).
    /// </summary>
    public static T Param<T>(string name, T value) =>
        IsRunning && Given.TryGetValue(name, out var text) ? (T)ParameterText.Parse(text, typeof(T)) : value;

    /// <summary>The path for the next chart: <c>&lt;output&gt;/&lt;name&gt;-chart-01.html</c>, …</summary>
    internal static string NextChartPath()
    {
        Directory.CreateDirectory(OutputFolder);
        return Path.Combine(OutputFolder, string.Create(CultureInfo.InvariantCulture, $"{Name}-chart-{++_charts:00}.html"));
    }

    /// <summary>Sets the app's name and output folder without a command line (tests).</summary>
    internal static void Configure(string name, string outputFolder, bool images)
    {
        Name = name;
        OutputFolder = Path.GetFullPath(outputFolder);
        Images = images;
        _charts = 0;
    }

    /// <summary>A path as the app prints it: relative to the folder the app was started from when inside it.</summary>
    internal static string Shown(string path)
    {
        var relative = Path.GetRelativePath(_launchFolder, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }

    internal sealed record Options(bool Quick, bool Images, bool Help, string? Output, IReadOnlyDictionary<string, string> Values);

    /// <summary>Reads the command line; throws <see cref="FormatException"/> naming the argument at fault.</summary>
    internal static Options Parse(IReadOnlyList<string> args, IReadOnlyList<AppParameter> parameters)
    {
        bool quick = false, images = true, help = false;
        string? output = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--no-images": images = false; break;
                case "-h" or "--help" or "-?": help = true; break;
                case "-o" or "--output": output = Value(ref i); break;
                case "-p" or "--param":
                    var pair = Value(ref i);
                    var eq = pair.IndexOf('=');
                    if (eq <= 0) throw new FormatException($"--param expects name=value, got '{pair}'");
                    values[pair[..eq].Trim()] = pair[(eq + 1)..];
                    break;
                default:
                    throw new FormatException(args[i].StartsWith('-') ? $"unknown option '{args[i]}'" : $"unexpected argument '{args[i]}'");
            }
        }
        var unknown = values.Keys.Where(n => parameters.All(p => p.Name != n)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new FormatException($"--param {string.Join(", ", unknown)}: the parameters cell does not declare {(unknown.Count == 1 ? "it" : "them")} (it declares {string.Join(", ", parameters.Select(p => p.Name))})");
        foreach (var p in parameters.Where(p => values.ContainsKey(p.Name)))
        {
            try { ParameterText.Parse(values[p.Name], p.Type); }
            catch (FormatException e) { throw new FormatException($"--param {p.Name}: {e.Message} (declared as {ParameterText.Name(p.Type)})"); }
        }
        return new Options(quick, images, help, output, values);

        string Value(ref int index) =>
            index + 1 < args.Count ? args[++index] : throw new FormatException($"{args[index]} needs a value");
    }

    private static string DefaultOutput(string folder, string name)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "RnnNotebooks.sln"))) return Path.Combine(d.FullName, "artifacts", "apps", name);
        return Path.Combine(folder, name + "-output");
    }
}
