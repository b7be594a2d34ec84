using System.Security.Cryptography;

namespace RnnNotebooks.Data.Download;

/// <summary>SHA-256 of a file as lower-case hex.</summary>
public static class Sha256File
{
    /// <summary>Hashes the whole file.</summary>
    public static string Compute(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>True when the file exists with the expected size in bytes (0 or more; 0: the file is empty) and hash.</summary>
    public static bool Matches(string path, long expectedSize, string expectedSha256)
    {
        if (expectedSize < 0) throw new ArgumentOutOfRangeException(nameof(expectedSize), expectedSize, $"Sha256File.Matches: expectedSize must be 0 or more, got {expectedSize}.");
        var info = new FileInfo(path);
        return info.Exists && info.Length == expectedSize
            && string.Equals(Compute(path), expectedSha256, StringComparison.OrdinalIgnoreCase);
    }
}
