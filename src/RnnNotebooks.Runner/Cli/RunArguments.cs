using System.Globalization;
using RnnNotebooks.Runner.Execution;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The parsed arguments of <c>rnn-notebooks run</c>.</summary>
public sealed record RunArguments
{
    /// <summary>Default folder for executed copies.</summary>
    public const string DefaultOutput = "artifacts/notebooks";

    /// <summary>Default per-cell timeout in seconds.</summary>
    public const int DefaultCellTimeoutSeconds = 1800;

    /// <summary>Default per-notebook timeout in seconds.</summary>
    public const int DefaultNotebookTimeoutSeconds = 7200;

    /// <summary>Notebook files and folders as given.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Folder for executed copies.</summary>
    public string Output { get; init; } = DefaultOutput;

    /// <summary>Execution settings passed to each notebook.</summary>
    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>Exit 0 when no notebook is found.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>Plain progress output even on a terminal.</summary>
    public bool Plain { get; init; }

    /// <summary>Print per-cell times.</summary>
    public bool Verbose { get; init; }

    /// <summary>Write the copies with their parameters injected, without executing them.</summary>
    public bool NoExecute { get; init; }

    /// <summary>Show help instead of running.</summary>
    public bool Help { get; init; }

    /// <summary>Parses the arguments that follow <c>run</c>; throws <see cref="UsageException"/> on bad input.</summary>
    public static RunArguments Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var output = DefaultOutput;
        int cellTimeout = DefaultCellTimeoutSeconds, notebookTimeout = DefaultNotebookTimeoutSeconds;
        bool quick = false, skip = false, allowEmpty = false, plain = false, verbose = false, help = false, noExecute = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                case "-o" or "--output":
                    output = Value(ref i);
                    break;
                case "-p" or "--param":
                    var pair = Value(ref i);
                    var eq = pair.IndexOf('=');
                    if (eq <= 0)
                    {
                        throw new UsageException($"--param expects name=value, got '{pair}'");
                    }
                    parameters[pair[..eq].Trim()] = pair[(eq + 1)..];
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--timeout":
                    cellTimeout = Seconds(ref i);
                    break;
                case "--notebook-timeout":
                    notebookTimeout = Seconds(ref i);
                    break;
                case "--skip-unavailable":
                    skip = true;
                    break;
                case "--allow-empty":
                    allowEmpty = true;
                    break;
                case "--plain":
                    plain = true;
                    break;
                case "--no-execute":
                    noExecute = true;
                    break;
                case "-v" or "--verbose":
                    verbose = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        throw new UsageException($"unknown option '{arg}'");
                    }
                    paths.Add(arg);
                    break;
            }
        }

        return new RunArguments
        {
            Paths = paths,
            Output = output,
            AllowEmpty = allowEmpty,
            Plain = plain,
            Verbose = verbose,
            Help = help,
            NoExecute = noExecute,
            Execution = new ExecutionOptions
            {
                Parameters = parameters,
                Quick = quick,
                SkipUnavailable = skip,
                CellTimeout = cellTimeout > 0 ? TimeSpan.FromSeconds(cellTimeout) : null,
                NotebookTimeout = notebookTimeout > 0 ? TimeSpan.FromSeconds(notebookTimeout) : null,
            },
        };

        string Value(ref int index)
        {
            if (index + 1 >= args.Count)
            {
                throw new UsageException($"{args[index]} needs a value");
            }
            return args[++index];
        }

        int Seconds(ref int index)
        {
            var name = args[index];
            var text = Value(ref index);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : throw new UsageException($"{name} expects a whole number of seconds, got '{text}'");
        }
    }
}
