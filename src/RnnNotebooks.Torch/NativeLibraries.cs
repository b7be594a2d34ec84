using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnNotebooks.Torch;

/// <summary>
/// Loads TorchSharp's native library from the <c>runtimes/{rid}/native</c> folder beside this
/// assembly. An application finds it there through its deps.json; a notebook kernel that
/// references <c>RnnNotebooks.Torch.dll</c> by path has no deps.json, and TorchSharp would then
/// copy libtorch out of the NuGet cache (the unpatched copy, ~600 MB) instead.
/// </summary>
public static class NativeLibraries
{
    private static readonly Lazy<string?> Loaded = new(LoadFromRuntimesFolder);

    /// <summary>Runs when this assembly is first used, before any twin touches TorchSharp.</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "A notebook may touch TorchSharp through any twin first; every one of them must find the native library.")]
    internal static void Initialize() => _ = Loaded.Value;

    /// <summary>The native library loaded from beside this assembly, or null when the application's own probing is left to find it.</summary>
    public static string? Path => Loaded.Value;

    private static string? LoadFromRuntimesFolder()
    {
        string? dir = System.IO.Path.GetDirectoryName(typeof(NativeLibraries).Assembly.Location);
        if (string.IsNullOrEmpty(dir)) return null;
        string file = OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        string path = System.IO.Path.Combine(dir, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file);
        if (!File.Exists(path)) return null;
        NativeLibrary.Load(path);
        return path;
    }
}
