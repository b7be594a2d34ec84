using System.Diagnostics;

namespace RnnNotebooks.Tests.Viz;

/// <summary>
/// Runs Debian's headless Chromium on local pages, with plotly.js and require.js from
/// tools/viz-render/node_modules (installed with <c>npm ci</c> on first use).
/// Under CI (<c>CI=true</c>) or with <c>RNN_REQUIRE_CHROMIUM=1</c> a missing browser or npm fails the test.
/// </summary>
internal sealed class ChromiumHarness
{
    private ChromiumHarness(string chromium, string repoRoot, string nodeModules)
    {
        Chromium = chromium;
        RepoRoot = repoRoot;
        NodeModules = nodeModules;
    }

    public string Chromium { get; }
    public string RepoRoot { get; }
    public string NodeModules { get; }
    public string PlotlyJs => Path.Combine(NodeModules, "plotly.js-dist-min", "plotly.min.js");
    public string RequireJs => Path.Combine(NodeModules, "requirejs", "require.js");

    /// <summary>Where screenshots go for a person to look at (gitignored).</summary>
    public string ArtifactsDir => Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "viz-render")).FullName;

    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RNN_REQUIRE_CHROMIUM") == "1";

    /// <summary>The harness, or null with the reason when Chromium or plotly.js is unavailable.</summary>
    public static (ChromiumHarness? Harness, string? Missing) TryCreate()
    {
        var root = RepoRoot_();
        if (root is null) return (null, "the repository root (RnnNotebooks.sln) was not found above the test directory");
        var chromium = FindChromium();
        if (chromium is null) return (null, "no Chromium: install it with 'apt-get install -y chromium' (or set RNN_CHROMIUM)");
        var tools = Path.Combine(root, "tools", "viz-render");
        var modules = Path.Combine(tools, "node_modules");
        if (!File.Exists(Path.Combine(modules, "plotly.js-dist-min", "plotly.min.js")))
        {
            var npm = OnPath("npm");
            if (npm is null) return (null, "plotly.js is not installed and npm is missing: run 'npm ci' in tools/viz-render");
            var (code, output) = Run(npm, new[] { "ci", "--no-audit", "--no-fund" }, tools, TimeSpan.FromMinutes(5));
            if (code != 0 || !File.Exists(Path.Combine(modules, "plotly.js-dist-min", "plotly.min.js")))
                return (null, $"'npm ci' in tools/viz-render failed ({code}): {output}");
        }
        return (new ChromiumHarness(chromium, root, modules), null);
    }

    /// <summary>Loads <paramref name="page"/> and returns the DOM after scripts ran.</summary>
    public string DumpDom(string page) => Browse(page, "--dump-dom");

    /// <summary>Loads <paramref name="page"/> and saves a PNG screenshot of the given window size.</summary>
    public void Screenshot(string page, string png, int width, int height) =>
        Browse(page, $"--screenshot={png}", $"--window-size={width},{height}");

    private string Browse(string page, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("rnn-viz-chromium-");
        try
        {
            var args = new List<string>
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--allow-file-access-from-files",
                $"--user-data-dir={profile.FullName}", "--virtual-time-budget=15000",
            };
            args.AddRange(extra);
            args.Add(new Uri(page).AbsoluteUri);
            var (code, output) = Run(Chromium, args, null, TimeSpan.FromMinutes(2), stdoutOnly: true);
            if (code != 0) throw new InvalidOperationException($"Chromium exited with {code}: {output}");
            return output;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> args, string? dir, TimeSpan timeout, bool stdoutOnly = false)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (dir is not null) psi.WorkingDirectory = dir;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit((int)timeout.TotalMilliseconds))
        {
            p.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds} s");
        }
        p.WaitForExit();
        var text = stdoutOnly ? stdout.Result : stdout.Result + stderr.Result;
        if (p.ExitCode != 0 && stdoutOnly) text += stderr.Result[^Math.Min(2000, stderr.Result.Length)..];
        return (p.ExitCode, text);
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("RNN_CHROMIUM");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured)) return configured;
        return new[] { "chromium", "chromium-browser", "google-chrome" }.Select(OnPath).FirstOrDefault(p => p is not null);
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    private static string? RepoRoot_()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "RnnNotebooks.sln"))) return d.FullName;
        return null;
    }
}
