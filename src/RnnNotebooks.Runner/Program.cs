// Entry point of the headless notebook runner: see Cli/CommandLine.cs.
return await RnnNotebooks.Runner.Cli.CommandLine.RunAsync(args);
