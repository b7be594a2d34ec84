using System.Security.Cryptography;
using System.Text.Json;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Download;

namespace RnnNotebooks.Tests.Data;

public class DownloaderTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7 + i / 1000)).ToArray();
    private static readonly string BodySha = Convert.ToHexString(SHA256.HashData(Body)).ToLowerInvariant();

    private sealed class Recorder : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = [];
        public void Report(DownloadProgress value) { lock (Reports) Reports.Add(value); }
    }

    [Fact]
    public async Task Downloads_verifies_and_reports_progress()
    {
        using var server = new LocalHttpServer((ctx, _) => LocalHttpServer.Serve(ctx, Body));
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "sub", "file.bin");
        var progress = new Recorder();
        await new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha, progress);
        Assert.Equal(Body, File.ReadAllBytes(dest));
        Assert.False(File.Exists(dest + ".part"));
        Assert.Equal(Body.Length, progress.Reports[^1].BytesReceived);
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        // A second call finds the verified file and makes no request.
        await new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_broken_transfer_is_resumed_with_a_range_request()
    {
        using var server = new LocalHttpServer((ctx, n) =>
        {
            if (n == 1) LocalHttpServer.ServeThenFail(ctx, Body, 100_000);
            else LocalHttpServer.Serve(ctx, Body);
        });
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        await new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha);
        Assert.Equal(Body, File.ReadAllBytes(dest));
        Assert.Null(server.Requests[0]);
        Assert.Matches(@"^bytes=\d+-$", server.Requests[1]);
        Assert.NotEqual("bytes=0-", server.Requests[1]);
    }

    [Fact]
    public async Task A_partial_file_is_restarted_when_the_server_ignores_ranges()
    {
        using var server = new LocalHttpServer((ctx, _) => LocalHttpServer.Serve(ctx, Body, honourRange: false));
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        File.WriteAllBytes(dest + ".part", new byte[5000]); // a stale partial download of something else
        await new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha);
        Assert.Equal(Body, File.ReadAllBytes(dest));
        Assert.Equal("bytes=5000-", server.Requests[0]);
    }

    [Fact]
    public async Task A_corrupt_download_is_refused_with_a_clear_message_and_not_kept()
    {
        var corrupt = (byte[])Body.Clone();
        corrupt[12345] ^= 0xFF;
        using var server = new LocalHttpServer((ctx, _) => LocalHttpServer.Serve(ctx, corrupt));
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha));
        Assert.Contains("SHA-256", e.Message);
        Assert.Contains(BodySha, e.Message);
        Assert.False(File.Exists(dest));
        Assert.False(File.Exists(dest + ".part"));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_leaves_a_resumable_part_file()
    {
        using var server = new LocalHttpServer((ctx, _) => LocalHttpServer.ServeThenFail(ctx, Body, 1000));
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        var e = await Assert.ThrowsAsync<IOException>(() => new Downloader { MaxAttempts = 2 }.DownloadAsync(server.Url, dest, Body.Length, BodySha));
        Assert.Contains("resumes", e.Message);
        Assert.False(File.Exists(dest));
        Assert.True(File.Exists(dest + ".part"));
    }

    [Fact]
    public void Text_progress_prints_one_line_per_tenth()
    {
        var w = new StringWriter();
        var p = new TextProgress("imdb", w);
        for (long b = 0; b <= 1000; b += 50) p.Report(new DownloadProgress(b, 1000));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        Assert.Equal("imdb: 0.0 / 0.0 MB (100%)", lines[^1].TrimEnd());
    }

    [Fact]
    public void Manifest_file_matches_the_catalogue()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "RnnNotebooks.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir!, "datasets", "manifest.json")));
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(DatasetCatalog.All.Count, files.Count);
        foreach (var (entry, known) in files.Zip(DatasetCatalog.All))
        {
            Assert.Equal(known.Id, entry.GetProperty("id").GetString());
            Assert.Equal(known.RelativePath, entry.GetProperty("path").GetString());
            Assert.Equal(known.Url, entry.GetProperty("url").GetString());
            Assert.Equal(known.Size, entry.GetProperty("size").GetInt64());
            Assert.Equal(known.Sha256, entry.GetProperty("sha256").GetString());
        }
    }

    [RealDataFact]
    public void Catalogue_hashes_match_the_shared_copies()
    {
        foreach (var f in DatasetCatalog.All.Where(f => f.Id != "imdb-tarball"))
            Assert.True(Sha256File.Matches(RealData.File(f.RelativePath), f.Size, f.Sha256), f.RelativePath);
    }
}
