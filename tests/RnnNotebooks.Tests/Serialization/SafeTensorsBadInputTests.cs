using System.Buffers.Binary;
using System.Text;
using RnnNotebooks.Serialization;
using RnnNotebooks.Tensors;
using RnnNotebooks.Tests.Data;

namespace RnnNotebooks.Tests.Serialization;

/// <summary>Malformed safetensors files fail naming the file and the tensor; nothing is loaded silently.</summary>
public sealed class SafeTensorsBadInputTests : IDisposable
{
    private readonly TempDir _dir = new();
    private string File_ => Path.Combine(_dir.Path, "model.safetensors");

    public void Dispose() => _dir.Dispose();

    /// <summary>Writes a file from a header text and a data area, exactly as given.</summary>
    private string Write(string header, byte[] data)
    {
        var h = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + h.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)h.Length);
        h.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + h.Length);
        File.WriteAllBytes(File_, bytes);
        return File_;
    }

    private static byte[] Floats(params float[] v)
    {
        var b = new byte[v.Length * 4];
        for (int i = 0; i < v.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(4 * i), v[i]);
        return b;
    }

    private string Fails(string header, byte[] data)
    {
        string path = Write(header, data);
        var e = Assert.Throws<InvalidDataException>(() => SafeTensors.Load<float>(path));
        Assert.StartsWith(path + ": ", e.Message);
        return e.Message;
    }

    [Fact]
    public void A_well_formed_file_loads()
    {
        string path = Write("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}""", Floats(1, 2, 3));
        var t = SafeTensors.Load<float>(path);
        Assert.Equal([1f, 2f], t["a"].Data);
        Assert.Equal([3f], t["b"].Data);
    }

    [Fact]
    public void A_negative_begin_offset_is_refused()
    {
        string m = Fails("""{"dense.bias":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}}""", Floats(1));
        Assert.Contains("tensor 'dense.bias': \"data_offsets\" must be an array of non-negative whole numbers, found [-4,0]", m);
    }

    [Fact]
    public void Overlapping_tensors_are_refused()
    {
        string m = Fails("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", Floats(1, 2, 3));
        Assert.Contains("tensor 'b' (bytes 4..12) overlaps tensor 'a' (bytes 0..8)", m);
    }

    [Fact]
    public void Duplicate_names_are_refused()
    {
        string m = Fails("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", Floats(1, 2));
        Assert.Contains("tensor 'a' appears twice in the header", m);
    }

    [Fact]
    public void Trailing_bytes_and_gaps_are_refused()
    {
        Assert.Contains("4 trailing bytes after the last tensor's data",
            Fails("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", Floats(1, 2)));
        Assert.Contains("bytes 0..4 of the data area belong to no tensor (a gap before tensor 'a')",
            Fails("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", Floats(1, 2)));
    }

    [Fact]
    public void Float64_too_large_for_float32_is_refused_and_loads_as_double()
    {
        var data = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(data, 1.5);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8), 1e300);
        string header = """{"w":{"dtype":"F64","shape":[1,2],"data_offsets":[0,16]}}""";
        string m = Fails(header, data);
        Assert.Contains("tensor 'w' holds 1E+300 at [0, 1], too large for Single; load the file as double", m);
        Assert.Equal([1.5, 1e300], SafeTensors.Load<double>(Write(header, data))["w"].Data);
    }

    [Fact]
    public void Non_finite_values_in_the_file_are_refused()
    {
        string m = Fails("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", Floats(1, float.NaN));
        Assert.Contains("tensor 'w' holds NaN at [1]; the file stores non-finite weights", m);
    }

    [Theory]
    [InlineData("""{"w":{"shape":[1],"data_offsets":[0,4]}}""", "tensor 'w': the entry has no \"dtype\".")]
    [InlineData("""{"w":[1,2]}""", "tensor 'w': the entry is [1,2], expected an object")]
    [InlineData("""{"w":{"dtype":"F32","shape":["1"],"data_offsets":[0,4]}}""", "tensor 'w': \"shape\" must be an array of non-negative whole numbers, found [\"1\"]")]
    [InlineData("""{"w":{"dtype":"F32","shape":"1","data_offsets":[0,4]}}""", "tensor 'w': \"shape\" must be an array of non-negative whole numbers, found \"1\"")]
    [InlineData("""{"w":{"dtype":32,"shape":[1],"data_offsets":[0,4]}}""", "tensor 'w': \"dtype\" must be a string such as \"F32\", found 32")]
    [InlineData("""{"w":{"dtype":"I8","shape":[1],"data_offsets":[0,4]}}""", "tensor 'w': unsupported dtype 'I8'")]
    [InlineData("""{"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}""", "tensor 'w': \"data_offsets\" must hold two numbers [begin, end], found 1")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", "tensor 'w': data_offsets [0, 4] do not fit shape [2] of F32 (8 bytes)")]
    [InlineData("""{"__metadata__":{"format":1},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", "\"__metadata__\" entry 'format' must be a string, found 1")]
    [InlineData("""[1]""", "the header is a JSON Array, expected an object of tensors")]
    public void Malformed_entries_name_the_file_and_tensor(string header, string expected)
    {
        Assert.Contains(expected, Fails(header, Floats(1)));
    }

    [Fact]
    public void A_huge_name_is_cut_in_the_message()
    {
        string name = new('n', 100_000);
        string entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        string m = Fails("{\"" + name + "\":" + entry + ",\"" + name + "\":" + entry + "}", Floats(1));
        Assert.Contains("(100,000 characters)", m);
        Assert.True(m.Length < 400, $"message of {m.Length} characters");
    }

    [Fact]
    public void Saving_onto_a_directory_names_it_and_leaves_nothing_behind()
    {
        var tensors = new Dictionary<string, Tensor<float>> { ["w"] = new([1f], 1) };
        var e = Assert.Throws<IOException>(() => SafeTensors.Save(_dir.Path, tensors));
        Assert.Contains($"Cannot save weights to '{_dir.Path}': it is a directory", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
        Assert.False(File.Exists(_dir.Path + ".tmp"));
    }

    [Fact]
    public void A_full_disk_names_the_target_removes_the_partial_file_and_keeps_the_old_one()
    {
        var tensors = new Dictionary<string, Tensor<float>> { ["w"] = new(new float[1000], 1000) };
        SafeTensors.Save(File_, new Dictionary<string, Tensor<float>> { ["old"] = new([7f], 1) });
        var e = Assert.Throws<IOException>(() => SafeTensors.Save(File_, tensors, null, p => new FullDiskStream(File.Create(p), capacity: 100)));
        Assert.StartsWith($"Could not save weights to '{File_}': No space left on device.", e.Message);
        Assert.False(File.Exists(File_ + ".tmp"));
        Assert.Equal([7f], SafeTensors.Load<float>(File_)["old"].Data);
    }

    [Fact]
    public void Saving_into_a_missing_folder_names_the_target()
    {
        string target = Path.Combine(_dir.Path, "no-such-folder", "model.safetensors");
        var e = Assert.Throws<IOException>(() => SafeTensors.Save(target, new Dictionary<string, Tensor<float>> { ["w"] = new([1f], 1) }));
        Assert.StartsWith($"Could not save weights to '{target}'", e.Message);
    }

    /// <summary>A file stream that fails like a full disk after <c>capacity</c> bytes.</summary>
    private sealed class FullDiskStream(Stream inner, long capacity) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (inner.Position + buffer.Length > capacity) throw new IOException("No space left on device.");
            inner.Write(buffer);
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
