using System.CommandLine;
using RnnNotebooks.Runner.Hosting;

namespace RnnNotebooks.Runner.Cli;

/// <summary>
/// The runner's command line, parsed by System.CommandLine: the commands (<see cref="RunSyntax"/>,
/// <see cref="PrepareSyntax"/>, <see cref="ExportSyntax"/>, <see cref="ConvertSyntax"/>, <see cref="CompareSyntax"/>),
/// <c>--help</c> and <c>--version</c>. A usage error prints <c>error: …</c> naming the argument at fault and exits with
/// <see cref="UsageError"/>; Ctrl-C or SIGTERM cancels a run, which ends the notebook's process and exits with 130.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code for bad usage.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code after Ctrl-C or SIGTERM.</summary>
    public const int Cancelled = 130;

    /// <summary>The tool's name in help and messages.</summary>
    public const string Name = "rnn-notebooks";

    // No response files: a notebook path may start with '@'.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Runs the tool with <paramref name="args"/> on the console and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs the tool with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count > 0 && args[0] == ChildProtocol.ExecCommand)
        {
            return await ExecCommand.RunAsync(args.Skip(1).ToList());
        }
        if (args.Count == 0)
        {
            RunnerHelp.WriteOverview(Root(), output);
            return UsageError;
        }
        // 'help' and 'help <command>' as '--help' and '<command> --help'.
        var parse = Root().Parse(args[0] == "help" ? [.. args.Skip(1), "--help"] : args, Parsing);
        if (parse.Action is not RunnerHelp && Errors(parse) is { Count: > 0 } errors)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync($"error: {message}");
            }
            await error.WriteLineAsync(parse.CommandResult.Command.Parents.Any()
                ? $"Run '{Name} {parse.CommandResult.Command.Name} --help' for usage."
                : $"Run '{Name} --help' for usage.");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl-C and SIGTERM cancel the token a run gets; the run ends its notebook's process and returns.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            await error.WriteLineAsync($"Run '{Name} {parse.CommandResult.Command.Name} --help' for usage.");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return Cancelled;
        }
    }

    /// <summary>Parses <paramref name="args"/> (starting with the command); throws <see cref="UsageException"/> with every error.</summary>
    internal static ParseResult ParseOrThrow(IReadOnlyList<string> args)
    {
        var parse = Root().Parse(args, Parsing);
        return Errors(parse) is { Count: > 0 } errors ? throw new UsageException(string.Join("\n", errors)) : parse;
    }

    /// <summary>The tool's commands and options.</summary>
    internal static Command Root()
    {
        var root = new Command(Name, $"{Name}: run .NET Interactive C# notebooks (.ipynb) headlessly.")
        {
            new RunSyntax(), new PrepareSyntax(), new ExportSyntax(), new ConvertSyntax(), new CompareSyntax(),
        };
        root.Options.Add(new System.CommandLine.Help.HelpOption { Action = new RunnerHelp() });
        root.Options.Add(new VersionOption());
        // Tokens nothing takes are reported by Errors as an unknown command, option or argument (for every command).
        root.TreatUnmatchedTokensAsErrors = false;
        return root;
    }

    // The parse errors, with a token no command or argument takes named as an unknown command, option or argument.
    private static List<string> Errors(ParseResult parse)
    {
        var errors = parse.Errors.Select(e => e.Message).ToList();
        if (parse.UnmatchedTokens.FirstOrDefault() is { } unknown)
        {
            var atRoot = !parse.CommandResult.Command.Parents.Any();
            errors.Insert(0, unknown.StartsWith('-') ? $"unknown option '{unknown}'"
                : atRoot ? $"unknown command '{unknown}'"
                : $"unexpected argument '{unknown}'");
        }
        return errors;
    }
}
