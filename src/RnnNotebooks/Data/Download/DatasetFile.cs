using RnnNotebooks.IO;
namespace RnnNotebooks.Data.Download;

/// <summary>
/// One file of a dataset as listed in <c>datasets/manifest.json</c>: where it lives under the
/// data root, where it comes from, and the size and SHA-256 that identify the exact copy.
/// </summary>
/// <param name="Id">Short name, e.g. <c>imdb-tarball</c>.</param>
/// <param name="RelativePath">Path under the data root, e.g. <c>imdb/aclImdb_v1.tar.gz</c>.</param>
/// <param name="Url">Upstream download address, or null when there is no stable public one.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256.</param>
/// <param name="Note">How to obtain the file when <paramref name="Url"/> is null, or other remarks.</param>
public sealed record DatasetFile(string Id, string RelativePath, string? Url, long Size, string Sha256, string? Note = null)
{
    /// <summary>
    /// Throws a <see cref="DataFormatException"/> naming <paramref name="path"/> unless it has this
    /// entry's size and SHA-256 (a truncated, damaged or different file); the message says how to get
    /// the right one. The size is checked first, so a truncated file costs no hashing.
    /// </summary>
    public void Verify(string path)
    {
        long length = new FileInfo(path).Length;
        if (length != Size)
            throw new DataFormatException(path, 0,
                $"{length:N0} bytes, but '{Id}' in the manifest is {Size:N0} bytes: the file is truncated or another version{CrlfHint(path, length)}. {HowToFix}");
        string actual = Sha256File.Compute(path);
        if (!string.Equals(actual, Sha256, StringComparison.OrdinalIgnoreCase))
            throw new DataFormatException(path, 0,
                $"SHA-256 {actual} does not match the manifest's {Sha256} for '{Id}': the file is damaged or another version. {HowToFix}");
    }

    /// <summary>What to do about a file that fails <see cref="Verify"/>.</summary>
    public string HowToFix => Url is not null
        ? $"Delete it and run Downloader.Fetch(\"{Id}\") to download {Url} again."
        : $"Replace it with the original. {Note}";

    private static string CrlfHint(string path, long length)
    {
        if (length > 64_000_000) return "";
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf("\r\n"u8) >= 0 ? " (it has Windows CRLF line ends; the original has LF)" : "";
    }
}
