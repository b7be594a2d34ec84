using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace RnnNotebooks.IO;

/// <summary>
/// Strict UTF-8 for the data readers: a byte that is not UTF-8 (a Latin-1 "é", say) is an error
/// naming the file, line and byte, never a silent U+FFFD. A leading byte order mark is dropped.
/// </summary>
public static class Utf8Text
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>UTF-8 without BOM output that throws on invalid bytes (for <see cref="StreamReader"/>s).</summary>
    public static UTF8Encoding Strict { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>, dropping a leading BOM; invalid UTF-8 throws naming <paramref name="file"/> (and <paramref name="entry"/>).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string file, string? entry = null)
    {
        if (bytes.StartsWith(Bom)) bytes = bytes[Bom.Length..];
        try { return Strict.GetString(bytes); }
        catch (DecoderFallbackException e) { throw Invalid(bytes, file, entry, e); }
    }

    /// <summary>Reads a whole stream and decodes it the same way.</summary>
    public static string Decode(Stream stream, string file, string? entry = null)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), file, entry);
    }

    /// <summary>
    /// The error for the first invalid byte of <paramref name="bytes"/>, with its line and column
    /// (bytes); a generic one naming the file if all bytes are valid.
    /// </summary>
    public static DataFormatException Invalid(ReadOnlySpan<byte> bytes, string file, string? entry = null, Exception? inner = null)
    {
        int at = FirstInvalid(bytes);
        if (at < 0) return new DataFormatException(file, 0, "the text is not valid UTF-8.", inner, entry);
        var before = bytes[..at];
        long line = before.Count((byte)'\n') + 1;
        int column = at - before.LastIndexOf((byte)'\n');
        return new DataFormatException(file, line,
            $"byte 0x{bytes[at]:X2} at column {column} is not valid UTF-8; the file must be UTF-8 (was it saved as Latin-1 or Windows-1252?).",
            inner, entry);
    }

    /// <summary>Index of the first byte that does not start a valid UTF-8 sequence, or −1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            int consumed = 0;
            while (consumed < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[consumed..], chars, out int read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                consumed += read;
                if (status == OperationStatus.Done) return -1;
                if (status != OperationStatus.DestinationTooSmall) return consumed;
            }
            return -1;
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }
}
