using System.IO.Compression;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>Writes a minimal .nupkg into a folder that serves as a local NuGet feed.</summary>
public static class LocalPackage
{
    /// <summary>Packs <paramref name="files"/> (path inside the package to file on disk) as <paramref name="id"/> 1.0.0.</summary>
    public static void Write(string feed, string id, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(feed);
        using var zip = ZipFile.Open(Path.Combine(feed, $"{id}.1.0.0.nupkg"), ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry($"{id}.nuspec").Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>1.0.0</version><authors>tests</authors><description>test package</description></metadata>
                </package>
                """);
        }
        foreach (var (inside, file) in files)
        {
            zip.CreateEntryFromFile(file, inside);
        }
    }
}
