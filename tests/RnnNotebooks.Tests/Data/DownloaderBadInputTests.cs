using System.Security.Cryptography;
using RnnNotebooks.Data.Download;

namespace RnnNotebooks.Tests.Data;

public class DownloaderBadInputTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 13)).ToArray();
    private static readonly string BodySha = Convert.ToHexString(SHA256.HashData(Body)).ToLowerInvariant();

    [Fact]
    public async Task A_404_is_not_retried_and_promises_no_part_file()
    {
        using var server = new LocalHttpServer((ctx, _) => { ctx.Response.StatusCode = 404; ctx.Response.Close(); });
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        var e = await Assert.ThrowsAsync<IOException>(() => new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha));
        Assert.Equal($"Download of {server.Url} failed: the server answered 404 NotFound. Nothing was saved. Check the address, or fetch the file by hand and put it at {dest}.", e.Message);
        Assert.Single(server.Requests);
        Assert.False(File.Exists(dest + ".part"));
    }

    [Fact]
    public async Task Repeated_failures_before_any_byte_promise_no_part_file()
    {
        using var server = new LocalHttpServer((ctx, _) => { ctx.Response.StatusCode = 503; ctx.Response.Close(); });
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        var e = await Assert.ThrowsAsync<IOException>(() => new Downloader { MaxAttempts = 2 }.DownloadAsync(server.Url, dest, Body.Length, BodySha));
        Assert.Contains("failed after 2 attempts. Nothing was saved.", e.Message);
        Assert.DoesNotContain(".part", e.Message);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_corrupt_file_already_at_the_destination_is_replaced_not_used()
    {
        using var server = new LocalHttpServer((ctx, _) => LocalHttpServer.Serve(ctx, Body));
        using var tmp = new TempDir();
        string dest = Path.Combine(tmp.Path, "file.bin");
        var corrupt = (byte[])Body.Clone();
        corrupt[100] ^= 1;
        File.WriteAllBytes(dest, corrupt);
        await new Downloader().DownloadAsync(server.Url, dest, Body.Length, BodySha);
        Assert.Equal(Body, File.ReadAllBytes(dest));
        Assert.Single(server.Requests);
    }
}
