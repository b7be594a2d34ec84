// MSBuild task compiled inline by RnnNotebooks.Torch.targets (RoslynCodeTaskFactory).
//
// TorchSharp 0.107.0's libLibTorchSharp.so was linked against GCC 13's libstdc++ and asks for
// the version GLIBCXX_3.4.32, which it needs for one symbol, std::ios_base_library_init(), that
// GCC 13's <iostream> references to force the link and never calls. Older distributions
// (Debian 12, Ubuntu 22.04: GLIBCXX_3.4.30) then refuse to load the library. When, and only
// when, the system libstdc++ lacks one of the listed versions, this task writes a copy of the
// library with that version requirement marked weak (VER_FLG_WEAK in its .gnu.version_r entry):
// the dynamic loader then accepts the library. The package in the NuGet cache is never touched.
#nullable enable
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenGlibcxxRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The library as restored (in the NuGet cache); read only.</summary>
    [Required] public ITaskItem Library { get; set; } = null!;

    /// <summary>Where to write the patched copy when one is needed.</summary>
    [Required] public string PatchedCopy { get; set; } = "";

    /// <summary>Versions that may be marked weak, separated by ';' (e.g. GLIBCXX_3.4.32).</summary>
    [Required] public string Versions { get; set; } = "";

    /// <summary>A system libstdc++ to check instead of the one the dynamic loader finds (for tests).</summary>
    public string SystemLibrary { get; set; } = "";

    /// <summary>The patched copy with the library's metadata, or nothing when the library loads as shipped.</summary>
    [Output] public ITaskItem? Result { get; set; }

    public override bool Execute()
    {
        string source = Library.ItemSpec;
        string? system = string.IsNullOrEmpty(SystemLibrary) ? FindSystemLibstdcxx() : SystemLibrary;
        if (system is null)
        {
            Log.LogMessage(MessageImportance.High, $"{Path.GetFileName(source)}: no system libstdc++.so.6 found; used as shipped.");
            return true;
        }
        byte[] elf = File.ReadAllBytes(source);
        var needed = NeededVersions(elf, source, "libstdc++.so.6");
        byte[] systemBytes = File.ReadAllBytes(system);
        var missing = needed.Where(v => !Contains(systemBytes, Encoding.ASCII.GetBytes(v.Name + "\0"))).ToList();
        if (missing.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{Path.GetFileName(source)}: {system} has every version it needs; used as shipped.");
            return true;
        }
        var allowed = new System.Collections.Generic.HashSet<string>(Versions.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries).Select(v => v.Trim()));
        foreach (var m in missing.Where(m => !allowed.Contains(m.Name)))
            Log.LogWarning($"{source}: needs {m.Name}, which {system} lacks; the library will not load (install a newer libstdc++, GCC 13 or later).");
        var weaken = missing.Where(m => allowed.Contains(m.Name)).ToList();
        if (weaken.Count == 0) return true;

        string names = string.Join(", ", weaken.Select(w => w.Name));
        var target = new FileInfo(PatchedCopy);
        if (!(target.Exists && target.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(source) && IsWeak(File.ReadAllBytes(PatchedCopy), weaken)))
        {
            foreach (var w in weaken)
                BitConverter.GetBytes((ushort)(w.Flags | VerFlgWeak)).CopyTo(elf, w.FlagsOffset);
            Directory.CreateDirectory(target.DirectoryName!);
            File.WriteAllBytes(PatchedCopy, elf);
            Log.LogMessage(MessageImportance.High,
                $"{Path.GetFileName(source)}: {system} lacks {names}; wrote a copy with that requirement marked weak to {PatchedCopy}.");
        }
        Result = new TaskItem(PatchedCopy, Library.CloneCustomMetadata());
        return true;
    }

    private sealed class Need
    {
        public Need(string name, ushort flags, int flagsOffset) { Name = name; Flags = flags; FlagsOffset = flagsOffset; }
        public string Name { get; }
        public ushort Flags { get; }
        public int FlagsOffset { get; }
    }

    private static bool IsWeak(byte[] elf, System.Collections.Generic.List<Need> versions) =>
        versions.All(v => (BitConverter.ToUInt16(elf, v.FlagsOffset) & VerFlgWeak) != 0);

    /// <summary>The versions an ELF64 little-endian library requires from <paramref name="file"/> (its .gnu.version_r entries).</summary>
    private static System.Collections.Generic.List<Need> NeededVersions(byte[] elf, string path, string file)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{path}: not a 64-bit little-endian ELF file.");
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        var result = new System.Collections.Generic.List<Need>();
        for (int i = 0; i < shnum; i++)
        {
            int sh = checked((int)(shoff + (long)i * shentsize));
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            int offset = checked((int)BitConverter.ToInt64(elf, sh + 0x18));
            int strSection = checked((int)(shoff + (long)BitConverter.ToUInt32(elf, sh + 0x28) * shentsize));
            int strings = checked((int)BitConverter.ToInt64(elf, strSection + 0x18));
            int count = (int)BitConverter.ToUInt32(elf, sh + 0x2C);
            for (int n = 0, vn = offset; n < count; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, vn + 2);
                string need = ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, vn + 4));
                for (int a = 0, aux = vn + (int)BitConverter.ToUInt32(elf, vn + 8); a < auxCount; a++)
                {
                    if (need == file)
                        result.Add(new Need(ReadString(elf, strings + (int)BitConverter.ToUInt32(elf, aux + 8)),
                            BitConverter.ToUInt16(elf, aux + 4), aux + 4));
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                vn += (int)BitConverter.ToUInt32(elf, vn + 12);
            }
        }
        return result;
    }

    private static string ReadString(byte[] b, int start)
    {
        int end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, end - start);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = Array.IndexOf(haystack, needle[0]); i >= 0 && i <= haystack.Length - needle.Length; i = Array.IndexOf(haystack, needle[0], i + 1))
        {
            int k = 1;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    /// <summary>The libstdc++.so.6 the dynamic loader would pick, from <c>ldconfig -p</c>, else the usual folders.</summary>
    private string? FindSystemLibstdcxx()
    {
        string arch = Environment.Is64BitOperatingSystem ? (System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "AArch64" : "x86-64") : "";
        foreach (var ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" }.Where(File.Exists))
        {
            try
            {
                var psi = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
                using var p = Process.Start(psi)!;
                string output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                var line = output.Split('\n').Select(l => l.Trim())
                    .FirstOrDefault(l => l.StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && l.Contains(arch));
                if (line is not null && File.Exists(line.Substring(line.IndexOf("=> ", StringComparison.Ordinal) + 3)))
                    return line.Substring(line.IndexOf("=> ", StringComparison.Ordinal) + 3);
            }
            catch (Exception e) { Log.LogMessage(MessageImportance.Low, $"{ldconfig} -p failed: {e.Message}"); }
        }
        return new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64", "/lib" }
            .Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }
}
