using System.Diagnostics;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>Debian's headless <c>chromium</c> (or <c>RNN_CHROMIUM</c>) on a local page: the DOM after its scripts ran, or a screenshot.</summary>
public sealed class HeadlessBrowser(string executable)
{
    /// <summary>Under CI=true or RNN_REQUIRE_CHROMIUM=1 a missing browser fails the test instead of skipping its check.</summary>
    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("RNN_REQUIRE_CHROMIUM") == "1";

    /// <summary>The browser, or null (after failing the test when <see cref="Required"/>).</summary>
    public static HeadlessBrowser? Find()
    {
        var configured = Environment.GetEnvironmentVariable("RNN_CHROMIUM");
        var path = !string.IsNullOrEmpty(configured) ? configured
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Where(d => d.Length > 0)
                .Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);
        if (path is not null && File.Exists(path))
        {
            return new HeadlessBrowser(path);
        }
        if (Required)
        {
            Assert.Fail("no Chromium: install it with 'apt-get install -y chromium' (or set RNN_CHROMIUM)");
        }
        return null;
    }

    /// <summary>The serialized DOM of <paramref name="page"/> once its scripts and timers (up to 20 s of virtual time) ran.</summary>
    public string DumpDom(string page, bool javaScript = true) => Run(page, javaScript, "--dump-dom");

    /// <summary>Saves a PNG of <paramref name="page"/> at the given window size.</summary>
    public void Screenshot(string page, string png, int width = 1100, int height = 1400, bool javaScript = true) =>
        Run(page, javaScript, $"--screenshot={png}", $"--window-size={width},{height}");

    private string Run(string page, bool javaScript, params string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("rnn-browser-");
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-extensions", "--hide-scrollbars", "--virtual-time-budget=20000", $"--user-data-dir={profile.FullName}" })
            {
                start.ArgumentList.Add(flag);
            }
            if (!javaScript)
            {
                start.ArgumentList.Add("--blink-settings=scriptEnabled=false");
            }
            foreach (var e in extra)
            {
                start.ArgumentList.Add(e);
            }
            start.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish {page} within 3 minutes");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode} on {page}: {stderr.Result[^Math.Min(600, stderr.Result.Length)..]}");
            return stdout.Result;
        }
        finally
        {
            try { profile.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
