using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace RnnNotebooks.Data.Download;

/// <summary>
/// Downloads a file, resuming a partial download (<c>.part</c> file plus an HTTP Range request)
/// or restarting it when the server ignores the range, then checks size and SHA-256 before the
/// file gets its final name. A file that fails the check is deleted and an
/// <see cref="InvalidDataException"/> says what was expected and what arrived.
/// </summary>
public sealed class Downloader(HttpClient? client = null)
{
    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient { Timeout = TimeSpan.FromMinutes(30) });
    private readonly HttpClient _http = client ?? Shared.Value;

    /// <summary>How many times a broken transfer is resumed before giving up (default 3; at least 1).</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        init => _maxAttempts = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxAttempts), value, $"Downloader: MaxAttempts must be at least 1, got {value}.");
    }
    private readonly int _maxAttempts = 3;

    /// <summary>
    /// Downloads a catalogue entry into the per-user cache with a text progress line on stdout,
    /// blocking until done (for notebooks). Returns the path.
    /// </summary>
    public static string Fetch(string id, string? cacheRoot = null)
    {
        var file = DatasetCatalog.Get(id);
        Console.WriteLine($"Downloading {file.Url} ({file.Size:N0} bytes) to {Path.Combine(cacheRoot ?? DataRoot.CacheDirectory, file.RelativePath)}");
        return new Downloader().FetchAsync(file, cacheRoot, new TextProgress(file.Id)).GetAwaiter().GetResult();
    }

    /// <summary>Downloads <paramref name="file"/> to <c>cacheRoot/RelativePath</c> (default: <see cref="DataRoot.CacheDirectory"/>) and returns the path.</summary>
    public Task<string> FetchAsync(DatasetFile file, string? cacheRoot = null, IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        if (file.Url is null)
            throw new InvalidOperationException($"{file.Id} ({file.RelativePath}) has no download URL. {file.Note}");
        string destination = Path.Combine(cacheRoot ?? DataRoot.CacheDirectory, file.RelativePath);
        return DownloadAsync(new Uri(file.Url), destination, file.Size, file.Sha256, progress, ct);
    }

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="destination"/>. An existing file that
    /// already matches is kept without a request. Returns <paramref name="destination"/>.
    /// <paramref name="expectedSize"/> is the size in bytes the file must have (at least 1), or null when unknown.
    /// </summary>
    public async Task<string> DownloadAsync(Uri url, string destination, long? expectedSize, string? expectedSha256,
        IProgress<DownloadProgress>? progress = null, CancellationToken ct = default)
    {
        if (expectedSize is long bad && bad < 1)
            throw new ArgumentOutOfRangeException(nameof(expectedSize), bad, $"Downloader: expectedSize must be at least 1 byte (null: unknown), got {bad}.");
        if (File.Exists(destination) && expectedSize is long s0 && expectedSha256 is not null && Sha256File.Matches(destination, s0, expectedSha256))
            return destination;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        string part = destination + ".part";
        Exception? last = null;
        for (int attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                await TransferAsync(url, part, expectedSize, progress, ct).ConfigureAwait(false);
                last = null;
                break;
            }
            catch (HttpRequestException e) when (IsPermanent(e.StatusCode))
            {
                throw new IOException($"Download of {url} failed: the server answered {(int)e.StatusCode!} {e.StatusCode}. {PartState(part)} " +
                    "Check the address, or fetch the file by hand and put it at " + destination + ".", e);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
            {
                last = e; // keep the .part file: the next attempt resumes from its end
            }
        }
        if (last is not null)
            throw new IOException($"Download of {url} failed after {MaxAttempts} attempts. {PartState(part)} Last error: {last.Message}", last);

        Verify(url, part, expectedSize, expectedSha256);
        File.Move(part, destination, overwrite: true);
        return destination;
    }

    /// <summary>4xx answers other than 408 (timeout) and 429 (too many requests) will not change on a retry.</summary>
    private static bool IsPermanent(HttpStatusCode? code) =>
        code is HttpStatusCode c && (int)c is >= 400 and < 500 && c is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private static string PartState(string part)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        return have > 0
            ? $"The partial file {part} ({have:N0} bytes) is kept and the next call resumes it."
            : "Nothing was saved.";
    }

    private async Task TransferAsync(Uri url, string part, long? expectedSize, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        long have = File.Exists(part) ? new FileInfo(part).Length : 0;
        if (expectedSize is long size && have >= size) return; // complete (or too long: Verify decides)
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            File.Delete(part); // the part is not a prefix the server knows: start over
            throw new IOException($"Server refused to resume {url} at byte {have}; restarting.");
        }
        response.EnsureSuccessStatusCode();
        bool resumed = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == have;
        if (!resumed) have = 0; // server sent the whole file: restart
        long? total = expectedSize ?? (response.Content.Headers.ContentLength is long len ? len + have : null);

        await using var input = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using var output = new FileStream(part, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        progress?.Report(new DownloadProgress(have, total));
        int n;
        while ((n = await input.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            have += n;
            progress?.Report(new DownloadProgress(have, total));
        }
        // A body cut short raises IOException from ReadAsync (the connection closed early).
    }

    private static void Verify(Uri url, string part, long? expectedSize, string? expectedSha256)
    {
        long actual = new FileInfo(part).Length;
        if (expectedSize is long size && actual != size)
        {
            File.Delete(part);
            throw new InvalidDataException($"Download of {url} is corrupt: expected {size:N0} bytes, got {actual:N0}. The file was deleted; try again.");
        }
        if (expectedSha256 is null) return;
        string hash;
        using (var stream = File.OpenRead(part)) hash = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        if (!string.Equals(hash, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(part);
            throw new InvalidDataException($"Download of {url} is corrupt: SHA-256 {hash} does not match the manifest's {expectedSha256.ToLowerInvariant()}. The file was deleted; try again, or fetch it by hand from the URL.");
        }
    }
}
