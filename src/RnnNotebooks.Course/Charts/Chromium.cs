using System.Diagnostics;

namespace RnnNotebooks.Course.Charts;

/// <summary>Headless Chromium (Debian's <c>chromium</c>, or the browser named by <c>RNN_CHROMIUM</c>) run on local pages.</summary>
internal sealed class Chromium
{
    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--hide-scrollbars", "--virtual-time-budget=5000",
    ];

    private Chromium(string path) => Path = path;

    /// <summary>The browser executable.</summary>
    public string Path { get; }

    /// <summary>The browser found from <c>RNN_CHROMIUM</c> or the PATH, or null.</summary>
    public static Chromium? Find()
    {
        var configured = Environment.GetEnvironmentVariable("RNN_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(configured) ? new Chromium(configured) : null;
        var found = new[] { "chromium", "chromium-browser", "google-chrome" }.Select(OnPath).FirstOrDefault(p => p is not null);
        return found is null ? null : new Chromium(found);
    }

    /// <summary>Loads <paramref name="page"/> and saves a PNG of the given window size.</summary>
    public void Screenshot(string page, string png, int width, int height) =>
        Browse(page, $"--screenshot={png}", $"--window-size={width},{height}");

    /// <summary>Loads <paramref name="page"/> and returns the DOM after its scripts ran.</summary>
    public string DumpDom(string page) => Browse(page, "--dump-dom");

    private string Browse(string page, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("rnn-chromium-");
        try
        {
            var psi = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var f in Flags) psi.ArgumentList.Add(f);
            psi.ArgumentList.Add($"--user-data-dir={profile.FullName}");
            foreach (var e in extra) psi.ArgumentList.Add(e);
            psi.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"Chromium '{Path}' did not start.");
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish '{page}' within 2 minutes.");
            }
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                var err = stderr.Result;
                throw new InvalidOperationException($"Chromium exited with {p.ExitCode} on '{page}': {err[^Math.Min(800, err.Length)..]}");
            }
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Where(d => d.Length > 0)
            .Select(d => System.IO.Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
