using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace RnnNotebooks.Runner.Cli;

/// <summary>
/// <c>--help</c>: for a command, System.CommandLine's help (its description, usage, arguments and options with their
/// defaults); for the tool itself, one usage line and the first line of each command's description.
/// </summary>
internal sealed class RunnerHelp : SynchronousCommandLineAction
{
    /// <summary>Help clears parse errors: <c>run --frobnicate --help</c> shows the help.</summary>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command.Parents.Any())
        {
            return new HelpAction { MaxWidth = Width() }.Invoke(parseResult);
        }
        WriteOverview(command, parseResult.InvocationConfiguration.Output);
        return 0;
    }

    /// <summary>The tool's help: what it is, a usage line per command, and what each command does.</summary>
    public static void WriteOverview(Command root, TextWriter output)
    {
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine("Usage:");
        var commands = root.Subcommands.Where(c => !c.Hidden).ToList();
        foreach (var command in commands)
        {
            output.WriteLine($"  {root.Name} {Usage(command)}");
        }
        output.WriteLine($"  {root.Name} --help | --version");
        output.WriteLine();
        output.WriteLine("Commands:");
        var width = commands.Max(c => c.Name.Length);
        foreach (var command in commands)
        {
            output.WriteLine($"  {command.Name.PadRight(width)}  {Summary(command)}");
        }
        output.WriteLine();
        output.WriteLine($"'{root.Name} <command> --help' gives the command's arguments and options.");
    }

    /// <summary>The first line of a command's description.</summary>
    public static string Summary(Command command) => (command.Description ?? "").Split('\n')[0].Trim();

    // "run <notebook-or-folder>... [options]": required arguments in <>, optional ones in [], lists with "...".
    private static string Usage(Command command)
    {
        var parts = new List<string> { command.Name };
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var label = $"<{argument.HelpName ?? argument.Name}>{(argument.Arity.MaximumNumberOfValues > 1 ? "..." : "")}";
            parts.Add(argument.Arity.MinimumNumberOfValues > 0 ? label : $"[{label}]");
        }
        if (command.Options.Any(o => !o.Hidden))
        {
            parts.Add("[options]");
        }
        return string.Join(' ', parts);
    }

    private static int Width()
    {
        try
        {
            return Console.IsOutputRedirected ? 110 : Math.Clamp(Console.WindowWidth, 60, 140);
        }
        catch (IOException)
        {
            return 110;
        }
    }
}
