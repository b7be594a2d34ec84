using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RnnNotebooks.Runner.Cli;

/// <summary>
/// The kinds of argument and option the runner's commands take, as System.CommandLine symbols whose errors name the
/// option as it was typed: a flag, a value (<c>-o &lt;dir&gt;</c>), a whole number of seconds, repeatable
/// <c>name=value</c> pairs, and a list of paths that refuses an unknown option instead of taking it as a path.
/// </summary>
internal static class CliSymbols
{
    /// <summary>
    /// A help text as System.CommandLine wraps it: the lines of a paragraph joined into one (the help wraps them to the
    /// terminal), blank lines kept as paragraph breaks, and lines indented by two spaces or more (examples, lists) kept as they are.
    /// </summary>
    public static string Prose(string text)
    {
        var lines = new List<string>();
        var paragraph = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length > 0 && !line.StartsWith("  ", StringComparison.Ordinal))
            {
                paragraph.Add(line.Trim());
                continue;
            }
            Flush();
            lines.Add(line.TrimEnd());
        }
        Flush();
        return string.Join('\n', lines).Trim('\n');

        void Flush()
        {
            if (paragraph.Count > 0) lines.Add(string.Join(' ', paragraph));
            paragraph.Clear();
        }
    }

    /// <summary>An option without a value.</summary>
    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = Prose(description), Arity = ArgumentArity.Zero };

    /// <summary>An option with one text value, <paramref name="fallback"/> (shown in the help) when it is not given; refuses a missing value.</summary>
    public static Option<string> Value(string name, string helpName, string? fallback, string description, params string[] aliases)
    {
        var option = new Option<string>(name, aliases)
        {
            Description = Prose(description),
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrOne,
        };
        if (fallback is not null) option.DefaultValueFactory = _ => fallback;
        option.Validators.Add(NeedsAValue);
        return option;
    }

    /// <summary>A whole number of seconds, <paramref name="fallback"/> when not given (0 stands for no limit in the commands that take one).</summary>
    public static Option<int> Seconds(string name, string helpName, int fallback, string description)
    {
        var option = new Option<int>(name)
        {
            Description = Prose(description),
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0) return fallback;
                var text = result.Tokens[0].Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return seconds;
                result.AddError($"{Typed(result.Parent)} expects a whole number of seconds, got '{text}'");
                return 0;
            },
        };
        option.Validators.Add(NeedsAValue);
        return option;
    }

    /// <summary>A repeatable <c>name=value</c> option (one pair per occurrence); refuses a pair without a name or an '='.</summary>
    public static Option<string[]> Pairs(string name, string helpName, string description, params string[] aliases)
    {
        var option = new Option<string[]>(name, aliases)
        {
            Description = Prose(description),
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(NeedsAValue);
        option.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad)
            {
                result.AddError($"{name} expects name=value, got '{bad.Value}'");
            }
        });
        return option;
    }

    /// <summary>The pairs of a <see cref="Pairs"/> option as a dictionary (the name trimmed; a later pair with the same name wins).</summary>
    public static Dictionary<string, string> ToDictionary(IEnumerable<string>? pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            values[pair[..eq].Trim()] = pair[(eq + 1)..];
        }
        return values;
    }

    /// <summary>
    /// Notebook or folder paths: at least one when <paramref name="missing"/> is given (the error when there is none),
    /// else zero or more. A token that starts with '-' reaches the list only when no option has that name, so it is
    /// refused as an unknown option rather than looked for as a file.
    /// </summary>
    public static Argument<string[]> Paths(Command command, string helpName, string description, string? missing = null)
    {
        var argument = new Argument<string[]>(helpName)
        {
            Description = Prose(description),
            Arity = missing is null ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore,
        };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value.StartsWith('-')) is { } option)
            {
                result.AddError($"unknown option '{option.Value}'");
            }
        });
        command.Arguments.Add(argument);
        if (missing is not null)
        {
            // A command's validators run before its arguments are counted, so this message replaces the generic one.
            command.Validators.Add(result =>
            {
                if (result.GetResult(argument) is not { Tokens.Count: > 0 }) result.AddError(missing);
            });
        }
        return argument;
    }

    // "-o needs a value": the option was typed with nothing after it (or with another option next).
    private static void NeedsAValue(OptionResult result)
    {
        if (!result.Implicit && result.Tokens.Count < result.IdentifierTokenCount)
        {
            result.AddError($"{Typed(result)} needs a value");
        }
    }

    // The option as the user typed it (-o or --output).
    private static string Typed(SymbolResult? result) => result switch
    {
        OptionResult { IdentifierToken: { } token } => token.Value,
        OptionResult option => option.Option.Name,
        _ => "the option",
    };
}
