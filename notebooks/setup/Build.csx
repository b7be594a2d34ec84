// Imported by a notebook's first cell (#!import setup/Build.csx), before its #load: on a fresh clone, builds each
// library whose dll the cell's #load scripts reference (…/src/<Project>/bin/Release/net10.0/<Project>.dll) and that
// is missing: a minute or two, more the first time TorchSharp brings libtorch. Once they are built it does nothing.
// It has to run as a submission of its own: the #r lines of the #load need their dlls when the cell compiles.
// (Everything is inside one block, so none of its names stays behind in the notebook.)
{
    // The running cell: its #load "….csx" lines name the scripts, whose #r lines (relative to each script) name the dlls.
    Microsoft.DotNet.Interactive.Commands.KernelCommand command = Microsoft.DotNet.Interactive.KernelInvocationContext.Current?.Command;
    while (command?.Parent is { } parent) command = parent;
    var cell = (command as Microsoft.DotNet.Interactive.Commands.SubmitCode)?.Code ?? "";
    IEnumerable<string> Paths(string code, string directive, string folder) =>
        System.Text.RegularExpressions.Regex.Matches(code, $"^\\s*{directive}\\s+\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => System.IO.Path.GetFullPath(m.Groups[1].Value, folder));
    // (Expression bodies only: a 'return' in an imported script makes the kernel show a null result.)
    IEnumerable<string> Dlls(string script) => ScriptDlls(System.IO.File.ReadAllText(script), System.IO.Path.GetDirectoryName(script)!);
    IEnumerable<string> ScriptDlls(string code, string folder) =>
        Paths(code, "#r", folder).Concat(Paths(code, "#load", folder).Where(p => p.EndsWith(".csx")).SelectMany(Dlls));
    var here = System.IO.Directory.GetCurrentDirectory();
    var bin = $"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}";
    var projects = Paths(cell, "#load", here).SelectMany(Dlls).Where(dll => !System.IO.File.Exists(dll)).Select(dll => dll[..dll.LastIndexOf(bin)]).Distinct();
    foreach (var project in projects)
    {
        var (name, path) = (System.IO.Path.GetFileName(project), System.IO.Path.GetRelativePath(here, project));
        Console.WriteLine($"Building {name} (first run only): dotnet build {path} -c Release");
        using var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", $"build \"{project}\" -c Release -nologo -v q -clp:ErrorsOnly") { RedirectStandardOutput = true })!;
        var log = build.StandardOutput.ReadToEnd();
        build.WaitForExit();
        // Not an exception: the kernel drops one thrown in an imported script. The errors go to stderr, and the cell
        // then fails at the #r of the dll that is missing.
        if (build.ExitCode != 0) Console.Error.WriteLine($"{name} did not build; fix the errors below, or run 'dotnet build {path} -c Release' in a terminal.\n{log}");
    }
}
