using System.Buffers.Binary;
using System.Numerics;
using System.Text.Json;
using RnnNotebooks.Tensors;

namespace RnnNotebooks.Serialization;

/// <summary>
/// Reads and writes the safetensors format (the one Hugging Face and PyTorch tools use):
/// an 8-byte little-endian header length N, N bytes of UTF-8 JSON mapping each tensor name to
/// <c>{"dtype": "F32"|"F64", "shape": [...], "data_offsets": [begin, end]}</c> (plus an optional
/// <c>"__metadata__"</c> object of strings), then the raw little-endian row-major data.
/// Offsets are relative to the end of the header. Tensors are written in name order.
/// </summary>
public static class SafeTensors
{
    /// <summary>Writes tensors (float32 or float64, by <typeparamref name="T"/>) to <paramref name="path"/>.</summary>
    public static void Save<T>(string path, IReadOnlyDictionary<string, Tensor<T>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = typeof(T) == typeof(float) ? 4 : typeof(T) == typeof(double) ? 8
            : throw new NotSupportedException($"SafeTensors: element type {typeof(T).Name} is not supported (float or double).");
        string dtype = size == 4 ? "F32" : "F64";
        var names = tensors.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
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

        string tmp = path + ".tmp";
        using (var fs = File.Create(tmp))
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Count);
            fs.Write(len);
            fs.Write(header.ToArray());
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

    /// <summary>Reads every tensor of a file, converting F16/BF16/F32/F64 data to <typeparamref name="T"/>.</summary>
    public static Dictionary<string, Tensor<T>> Load<T>(string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: not a safetensors file ({bytes.Length} bytes, no header length).");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {n} exceeds the file size {bytes.Length}.");
        int dataStart = 8 + (int)n;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes.AsMemory(8, (int)n)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: header is not valid JSON ({e.Message}).", e); }
        var result = new Dictionary<string, Tensor<T>>();
        using (doc)
        {
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__") continue;
                string where = $"{path}: tensor '{entry.Name}'";
                string dtype = entry.Value.GetProperty("dtype").GetString() ?? "";
                var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                var offs = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                int size = dtype switch { "F64" => 8, "F32" => 4, "F16" or "BF16" => 2, _ => throw new InvalidDataException($"{where}: unsupported dtype {dtype}.") };
                long count = shape.Aggregate(1L, (a, d) => a * d);
                if (offs.Length != 2 || offs[1] - offs[0] != count * size || dataStart + offs[1] > bytes.Length)
                    throw new InvalidDataException($"{where}: data_offsets [{string.Join(", ", offs)}] do not fit shape {Tensor.Format(shape)} of {dtype} in a file of {bytes.Length} bytes.");
                var t = new Tensor<T>(shape);
                var src = bytes.AsSpan(dataStart + (int)offs[0], (int)(count * size));
                for (int i = 0; i < count; i++)
                {
                    var b = src.Slice(i * size, size);
                    double v = dtype switch
                    {
                        "F64" => BinaryPrimitives.ReadDoubleLittleEndian(b),
                        "F32" => BinaryPrimitives.ReadSingleLittleEndian(b),
                        "F16" => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
                        _ => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(b) << 16),
                    };
                    t.Data[i] = T.CreateChecked(v);
                }
                result[entry.Name] = t;
            }
        }
        return result;
    }
}
