using System.Buffers.Binary;
using System.IO.Compression;

namespace RnnNotebooks.IO;

/// <summary>
/// Decompresses a <c>.gz</c> file and, at the end, checks the uncompressed length against the
/// gzip trailer (ISIZE). .NET's <see cref="GZipStream"/> stops quietly at the end of a truncated
/// file; this stream throws a <see cref="DataFormatException"/> naming the file instead.
/// Single-member gzip files only (what <c>gzip</c> and the datasets produce).
/// </summary>
public sealed class CheckedGzipStream : Stream
{
    private readonly string _path;
    private readonly GZipStream _inner;
    private readonly uint? _trailerSize;
    private long _produced;
    private bool _checked;

    /// <summary>Opens <paramref name="path"/> for decompression.</summary>
    public CheckedGzipStream(string path)
    {
        _path = path;
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            if (file.Length == 0) throw new DataFormatException(path, 0, "the file is empty (0 bytes), expected gzip data.");
            Span<byte> head = stackalloc byte[2];
            if (file.ReadAtLeast(head, 2, throwOnEndOfStream: false) < 2 || head[0] != 0x1f || head[1] != 0x8b)
                throw new DataFormatException(path, 0, "not a gzip file (it does not start with bytes 1f 8b).");
            if (file.Length < 18) throw new DataFormatException(path, 0, $"truncated gzip file ({file.Length} bytes is shorter than any complete gzip file).");
            Span<byte> tail = stackalloc byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(tail);
            _trailerSize = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            file.Seek(0, SeekOrigin.Begin);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _inner = new GZipStream(file, CompressionMode.Decompress);
    }

    /// <summary>Reads up to <paramref name="count"/> bytes (0 reads nothing) into <paramref name="buffer"/> from <paramref name="offset"/> on (0: the start).</summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if ((uint)offset > (uint)buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"CheckedGzipStream.Read: offset {offset} is not in [0, {buffer.Length}] for a buffer of {buffer.Length} bytes.");
        if ((uint)count > (uint)(buffer.Length - offset))
            throw new ArgumentOutOfRangeException(nameof(count), count, $"CheckedGzipStream.Read: count {count} is not in [0, {buffer.Length - offset}] (buffer of {buffer.Length} bytes from offset {offset}).");
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int n;
        try { n = _inner.Read(buffer); }
        catch (InvalidDataException e) { throw new DataFormatException(_path, 0, $"corrupt gzip data after {_produced:N0} uncompressed bytes: {e.Message}", e); }
        _produced += n;
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if (_trailerSize is uint size && (uint)_produced != size)
                throw new DataFormatException(_path, 0,
                    $"truncated or corrupt gzip file: decompression ended after {_produced:N0} bytes but the trailer announces {size:N0} (mod 2^32). Download the file again.");
        }
        return n;
    }

    /// <summary>Reads to the end so the trailer check runs even when the consumer stopped early.</summary>
    public void Drain()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer) > 0) { }
    }

    /// <inheritdoc/>
    public override bool CanRead => true;
    /// <inheritdoc/>
    public override bool CanSeek => false;
    /// <inheritdoc/>
    public override bool CanWrite => false;
    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();
    /// <inheritdoc/>
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    /// <inheritdoc/>
    public override void Flush() { }
    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
