using System.CommandLine;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The command line of <c>rnn-notebooks compare</c>: exactly two files, each refused by name when missing.</summary>
internal sealed class CompareSyntax : Command
{
    private readonly Argument<string> _executed = new("executed-notebook")
    {
        Description = "The notebook executed in the kernel (.ipynb with outputs).",
    };

    private readonly Argument<string> _appOutput = new("app-output")
    {
        Description = "The app's console output with the same parameters (dotnet run NN-topic.cs > out.txt).",
    };

    public CompareSyntax() : base("compare", CliSymbols.Prose("""
        Holds a notebook app's printed numbers against the same notebook run in the kernel.

        Holds a notebook app's console output (dotnet run NN-topic.cs > out.txt) against the same notebook executed in the
        kernel with the same parameters: every line its cells printed and every row of its tables must appear in the
        app's output, in order and with the same numbers; a line may differ only in its timings. Prints the counts and
        every line that differs. Exit code 0 only when nothing but timings differs.
        """))
    {
        Arguments.Add(_executed);
        Arguments.Add(_appOutput);
        // A command's validators run before its arguments are counted, so a missing file is named here, not as "a required argument of compare".
        Validators.Add(result =>
        {
            var missing = new[] { _executed, _appOutput }.Where(a => result.GetResult(a) is not { Tokens.Count: > 0 }).Select(a => $"<{a.Name}>").ToList();
            if (missing.Count > 0)
            {
                result.AddError($"compare needs {string.Join(" and ", missing)}: rnn-notebooks compare <executed-notebook> <app-output>");
            }
            else if (new[] { _executed, _appOutput }.Select(a => result.GetResult(a)!.Tokens[0].Value).FirstOrDefault(v => v.Length > 1 && v.StartsWith('-')) is { } option)
            {
                result.AddError($"unknown option '{option}'");
            }
        });
        SetAction(result => CompareCommand.Run(result.GetValue(_executed)!, result.GetValue(_appOutput)!, result.InvocationConfiguration.Output));
    }
}
