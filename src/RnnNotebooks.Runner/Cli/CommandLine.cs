using System.Reflection;
using System.Runtime.InteropServices;
using RnnNotebooks.Runner.Hosting;

namespace RnnNotebooks.Runner.Cli;

/// <summary>Dispatches the command line to a command.</summary>
public static class CommandLine
{
    /// <summary>Exit code for bad usage.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the tool with <paramref name="args"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildProtocol.ExecCommand)
        {
            return await ExecCommand.RunAsync(args[1..]);
        }
        var output = Console.Out;
        try
        {
            switch (args.FirstOrDefault())
            {
                case null or "-h" or "--help" or "-?" or "help":
                    output.WriteLine(HelpText.Main);
                    return args.Length == 0 ? UsageError : 0;
                case "--version":
                    output.WriteLine(typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
                    return 0;
                case "export":
                    return ExportCommand.Run(args[1..], output);
                case "compare":
                    if (args.Length != 3 || args.Skip(1).Any(a => a.StartsWith('-')))
                    {
                        output.WriteLine(HelpText.Compare);
                        return args.Skip(1).Any(a => a is "-h" or "--help" or "-?") ? 0 : UsageError;
                    }
                    return CompareCommand.Run(args[1], args[2], output);
                case "convert":
                    if (args.Skip(1).Any(a => a is "-h" or "--help" or "-?"))
                    {
                        output.WriteLine(HelpText.Convert);
                        return 0;
                    }
                    if (args.Skip(1).FirstOrDefault(a => a.StartsWith('-') && a != "--check") is { } bad)
                    {
                        throw new UsageException($"unknown option '{bad}'");
                    }
                    return ConvertCommand.Run(args[1..].Where(a => a != "--check").ToList(), args.Contains("--check"), output);
                case "run" or "prepare":
                    using (var cancel = new CancellationTokenSource())
                    {
                        Console.CancelKeyPress += (_, e) =>
                        {
                            e.Cancel = true;
                            cancel.Cancel();
                        };
                        // SIGTERM (a CI job cancelled, 'kill'): stop like Ctrl-C, so the notebook's process is killed too.
                        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
                        {
                            context.Cancel = true;
                            cancel.Cancel();
                        });
                        return args[0] == "run"
                            ? await RunCommand.RunAsync(RunArguments.Parse(args[1..]), output, cancel.Token)
                            : await PrepareCommand.RunAsync(PrepareArguments.Parse(args[1..]), output, cancel.Token);
                    }
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync($"Run 'rnn-notebooks {(args[0] is "prepare" or "export" or "convert" ? args[0] : "run")} --help' for usage.");
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}
