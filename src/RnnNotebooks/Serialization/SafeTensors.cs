using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using RnnNotebooks.Tensors;
using RnnNotebooks.IO;

namespace RnnNotebooks.Serialization;

/// <summary>
/// Reads and writes the safetensors format (the one Hugging Face and PyTorch tools use):
/// an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping each tensor name to
/// <c>{"dtype": "F32"|"F64", "shape": [...], "data_offsets": [begin, end]}</c> (plus an optional
/// <c>"__metadata__"</c> object of strings), then the raw little-endian row-major data.
/// Offsets are relative to the end of the header. Tensors are written in name order.
/// Reading checks the file as the format requires: every entry complete, names unique, and the
/// data area covered by the tensors exactly (no overlap, gap or trailing bytes). Errors are
/// <see cref="InvalidDataException"/>s naming the file and the tensor.
/// </summary>
public static class SafeTensors
{
    /// <summary>Largest header accepted (the reference implementation's limit).</summary>
    public const int MaxHeaderBytes = 100_000_000;

    /// <summary>
    /// Writes tensors (float32 or float64, by <typeparamref name="T"/>) to <paramref name="path"/>.
    /// The file is written beside the target and renamed at the end, so a failed save (full disk,
    /// missing folder) leaves any earlier file unchanged and no partial file behind.
    /// </summary>
    public static void Save<T>(string path, IReadOnlyDictionary<string, Tensor<T>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Save(path, tensors, metadata, File.Create);

    /// <summary><see cref="Save{T}(string, IReadOnlyDictionary{string, Tensor{T}}, IReadOnlyDictionary{string, string}?)"/> with the temporary file opened by <paramref name="openTemporary"/>.</summary>
    internal static void Save<T>(string path, IReadOnlyDictionary<string, Tensor<T>> tensors, IReadOnlyDictionary<string, string>? metadata,
        Func<string, Stream> openTemporary) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(tensors);
        int size = typeof(T) == typeof(float) ? 4 : typeof(T) == typeof(double) ? 8
            : throw new NotSupportedException($"SafeTensors: element type {typeof(T).Name} is not supported (float or double).");
        if (Directory.Exists(path))
            throw new IOException($"Cannot save weights to '{path}': it is a directory. Give a file name, e.g. '{Path.Combine(path, "model.safetensors")}'.");
        var names = tensors.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        byte[] header = Header(tensors, metadata, names, size == 4 ? "F32" : "F64", size);

        string tmp = path + ".tmp";
        try
        {
            using (var fs = openTemporary(tmp))
            {
                Span<byte> len = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Length);
                fs.Write(len);
                fs.Write(header);
                foreach (var name in names)
                {
                    var t = tensors[name];
                    var bytes = new byte[t.Length * size];
                    for (int i = 0; i < t.Length; i++)
                    {
                        if (size == 4) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), float.CreateTruncating(t.Data[i]));
                        else BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), double.CreateTruncating(t.Data[i]));
                    }
                    fs.Write(bytes);
                }
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception inner) when (inner is IOException or UnauthorizedAccessException) { /* the original error matters more */ }
            throw new IOException($"Could not save weights to '{path}': {e.Message} Nothing was written there; an earlier file at that path is unchanged.", e);
        }
    }

    private static byte[] Header<T>(IReadOnlyDictionary<string, Tensor<T>> tensors, IReadOnlyDictionary<string, string>? metadata,
        List<string> names, string dtype, int size) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var headerStream = new MemoryStream();
        using (var w = new Utf8JsonWriter(headerStream))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata) w.WriteString(k, v);
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var name in names)
            {
                var t = tensors[name];
                w.WriteStartObject(name);
                w.WriteString("dtype", dtype);
                w.WriteStartArray("shape");
                foreach (var d in t.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                offset += (long)t.Length * size;
                w.WriteNumberValue(offset);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        // Pad the header with spaces to an 8-byte boundary, as the reference writer does.
        var header = headerStream.ToArray().ToList();
        while (header.Count % 8 != 0) header.Add((byte)' ');
        return header.ToArray();
    }

    /// <summary>
    /// Reads every tensor of a file, converting F16/BF16/F32/F64 data to <typeparamref name="T"/>.
    /// A value that is NaN or ±∞ in the file, or too large for <typeparamref name="T"/>, is an error.
    /// </summary>
    public static Dictionary<string, Tensor<T>> Load<T>(string path) where T : unmanaged, IFloatingPointIeee754<T> => Load<T>(path, out _);

    /// <summary><see cref="Load{T}(string)"/>, also returning the file's <c>__metadata__</c> strings (empty when it has none).</summary>
    public static Dictionary<string, Tensor<T>> Load<T>(string path, out Dictionary<string, string> metadata) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = File.ReadAllBytes(path);
        metadata = [];
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: not a safetensors file ({bytes.Length} bytes, no header length).");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {n} exceeds the file size {bytes.Length}.");
        if (n > MaxHeaderBytes) throw new InvalidDataException($"{path}: header length {n:N0} is over the format's limit of {MaxHeaderBytes:N0} bytes.");
        int dataStart = 8 + (int)n;
        long dataLength = bytes.Length - dataStart;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes.AsMemory(8, (int)n)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: header is not valid JSON ({e.Message}).", e); }
        var entries = new List<Entry>();
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: the header is a JSON {doc.RootElement.ValueKind}, expected an object of tensors.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new InvalidDataException($"{path}: tensor '{Excerpt.Of(property.Name)}' appears twice in the header.");
                if (property.Name == "__metadata__")
                {
                    CheckMetadata(path, property.Value);
                    foreach (var m in property.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString()!;
                }
                else entries.Add(ReadEntry(path, property, dataLength));
            }
        }
        CheckCoverage(path, entries, dataLength);
        var result = new Dictionary<string, Tensor<T>>(entries.Count);
        foreach (var e in entries) result[e.Name] = Decode<T>(path, e, bytes.AsSpan(dataStart + (int)e.Begin, (int)(e.End - e.Begin)));
        return result;
    }

    private sealed record Entry(string Name, string DType, int ElementSize, int[] Shape, long Begin, long End);

    private static Entry ReadEntry(string path, JsonProperty property, long dataLength)
    {
        string where = $"{path}: tensor '{Excerpt.Of(property.Name)}'";
        var v = property.Value;
        if (v.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{where}: the entry is {Raw(v)}, expected an object {{\"dtype\", \"shape\", \"data_offsets\"}}.");
        if (!v.TryGetProperty("dtype", out var dtypeElement)) throw new InvalidDataException($"{where}: the entry has no \"dtype\".");
        if (dtypeElement.ValueKind != JsonValueKind.String) throw new InvalidDataException($"{where}: \"dtype\" must be a string such as \"F32\", found {Raw(dtypeElement)}.");
        string dtype = dtypeElement.GetString()!;
        int size = dtype switch
        {
            "F64" => 8, "F32" => 4, "F16" or "BF16" => 2,
            _ => throw new InvalidDataException($"{where}: unsupported dtype '{Excerpt.Of(dtype)}' (F64, F32, F16 and BF16 are read)."),
        };
        var shape = WholeNumbers(where, v, "shape", int.MaxValue).Select(d => (int)d).ToArray();
        var offsets = WholeNumbers(where, v, "data_offsets", long.MaxValue);
        if (offsets.Length != 2) throw new InvalidDataException($"{where}: \"data_offsets\" must hold two numbers [begin, end], found {offsets.Length}.");
        long begin = offsets[0], end = offsets[1];
        long count = 1;
        foreach (int d in shape)
            if ((count = checked(count * d)) > int.MaxValue) throw new InvalidDataException($"{where}: shape {Tensor.Format(shape)} has more than {int.MaxValue:N0} elements.");
        if (end < begin || end > dataLength || end - begin != count * size)
            throw new InvalidDataException(
                $"{where}: data_offsets [{begin}, {end}] do not fit shape {Tensor.Format(shape)} of {dtype} ({count * size:N0} bytes) in a data area of {dataLength:N0} bytes.");
        return new Entry(property.Name, dtype, size, shape, begin, end);
    }

    private static long[] WholeNumbers(string where, JsonElement entry, string key, long max)
    {
        if (!entry.TryGetProperty(key, out var array)) throw new InvalidDataException($"{where}: the entry has no \"{key}\".");
        bool ok = array.ValueKind == JsonValueKind.Array;
        var values = new List<long>();
        if (ok)
            foreach (var e in array.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long x) || x < 0 || x > max) { ok = false; break; }
                values.Add(x);
            }
        if (!ok) throw new InvalidDataException($"{where}: \"{key}\" must be an array of non-negative whole numbers, found {Raw(array)}.");
        return values.ToArray();
    }

    private static void CheckMetadata(string path, JsonElement metadata)
    {
        if (metadata.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: \"__metadata__\" must be an object of strings, found {Raw(metadata)}.");
        foreach (var p in metadata.EnumerateObject())
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}: \"__metadata__\" entry '{Excerpt.Of(p.Name)}' must be a string, found {Raw(p.Value)}.");
    }

    /// <summary>The tensors must tile the data area: sorted by offset, each starts where the previous ended.</summary>
    private static void CheckCoverage(string path, List<Entry> entries, long dataLength)
    {
        long expected = 0;
        Entry? previous = null;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.Begin < expected)
                throw new InvalidDataException($"{path}: tensor '{Excerpt.Of(e.Name)}' (bytes {e.Begin}..{e.End}) overlaps tensor '{Excerpt.Of(previous!.Name)}' (bytes {previous.Begin}..{previous.End}).");
            if (e.Begin > expected)
                throw new InvalidDataException($"{path}: bytes {expected}..{e.Begin} of the data area belong to no tensor (a gap before tensor '{Excerpt.Of(e.Name)}').");
            expected = e.End;
            previous = e;
        }
        if (expected != dataLength)
            throw new InvalidDataException($"{path}: {dataLength - expected:N0} trailing bytes after the last tensor's data belong to no tensor (the file is longer than its header describes).");
    }

    private static Tensor<T> Decode<T>(string path, Entry e, ReadOnlySpan<byte> src) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = new Tensor<T>(e.Shape);
        for (int i = 0; i < t.Length; i++)
        {
            var b = src.Slice(i * e.ElementSize, e.ElementSize);
            double v = e.DType switch
            {
                "F64" => BinaryPrimitives.ReadDoubleLittleEndian(b),
                "F32" => BinaryPrimitives.ReadSingleLittleEndian(b),
                "F16" => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
                _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b) << 16),
            };
            var x = T.CreateSaturating(v);
            if (!T.IsFinite(x))
            {
                string at = t.FormatIndex(i), value = v.ToString("R", CultureInfo.InvariantCulture);
                throw new InvalidDataException(double.IsFinite(v)
                    ? $"{path}: tensor '{Excerpt.Of(e.Name)}' holds {value} at {at}, too large for {typeof(T).Name}; load the file as double."
                    : $"{path}: tensor '{Excerpt.Of(e.Name)}' holds {value} at {at}; the file stores non-finite weights (saved from a diverged run?).");
            }
            t.Data[i] = x;
        }
        return t;
    }

    private static string Raw(JsonElement e) => Excerpt.Of(e.GetRawText(), 60);
}
