using System.CommandLine;

namespace RnnNotebooks.Runner.Cli;

/// <summary>The command line of <c>rnn-notebooks prepare</c>: <c>run</c>'s options with the workshop's defaults, and its own.</summary>
internal sealed class PrepareSyntax : Command
{
    private readonly RunOptions _shared;

    private readonly Option<bool> _allowSamples = CliSymbols.Flag("--allow-samples", "Exit 0 even when a notebook ran on sample data.");

    private readonly Option<string> _guide = CliSymbols.Value("--guide", "file", null, """
        Also write this run's report (per notebook result and time, parameters, hardware, machine load) into <file>,
        replacing the lines between '<!-- prepare-times: ... -->' and '<!-- /prepare-times -->': the instructor
        guide's run times (--guide docs/instructor-guide.md). The file is checked before anything runs.
        """);

    // 'run --no-execute' writes copies for another client; a workshop needs them executed, so this is refused by name.
    private readonly Option<bool> _noExecute = CliSymbols.Flag("--no-execute", "(belongs to 'run')");

    public PrepareSyntax() : base("prepare", CliSymbols.Prose($"""
        Readies a workshop: runs every notebook, checks the data, writes executed copies, an HTML site and a report.

        Runs every notebook (default: {PrepareArguments.DefaultNotebooks}/) with its default parameters, each in its own kernel process,
        with a static image of every chart, then writes:
          <output>/notebooks/   the executed copies to hand out
          <output>/site/        an HTML site that works offline (open site/index.html)
          <output>/report.md    the report, also printed: per notebook the result, time and data used (SAMPLE
                                when a loader fell back to generated data, with how to fetch the real data),
                                the hardware, the machine load and the TorchSharp device
        Exit code 0 only when every notebook passed on real data.
        """))
    {
        _shared = new RunOptions(this, $"Notebooks or folders to prepare (default: {PrepareArguments.DefaultNotebooks}).", null,
            PrepareArguments.DefaultOutput, "Workshop folder.");
        Options.Add(_allowSamples);
        Options.Add(_guide);
        _noExecute.Hidden = true;
        _noExecute.Validators.Add(r => { if (!r.Implicit) r.AddError("prepare always executes the notebooks; --no-execute belongs to 'run'"); });
        Options.Add(_noExecute);
        SetAction((result, cancel) => PrepareCommand.RunAsync(Bind(result), result.InvocationConfiguration.Output, cancel));
    }

    /// <summary>The parsed arguments, with the course's notebooks when none are named.</summary>
    public PrepareArguments Bind(ParseResult result)
    {
        var run = _shared.Bind(result);
        return new PrepareArguments
        {
            AllowSamples = result.GetValue(_allowSamples),
            Guide = result.GetValue(_guide),
            Run = run with { Paths = run.Paths.Count > 0 ? run.Paths : [PrepareArguments.DefaultNotebooks] },
        };
    }
}
