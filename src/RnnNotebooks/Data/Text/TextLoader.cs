using RnnNotebooks.Data.Download;
using RnnNotebooks.IO;

namespace RnnNotebooks.Data.Text;

/// <summary>
/// Loads text corpora from <c>&lt;data root&gt;/text/</c> (see <see cref="DataRoot"/>); with no file it
/// announces and returns <see cref="TextSample"/> text. A file the manifest knows (tiny-shakespeare)
/// must have its size and SHA-256. Text is strict UTF-8; CRLF line ends become LF, so a file saved on
/// Windows gives the same characters (and vocabulary) as the original.
/// </summary>
public static class TextLoader
{
    /// <summary>Karpathy's tiny-shakespeare (1,115,394 characters, 65 distinct).</summary>
    public static CharCorpus TinyShakespeare(string? dataRoot = null, bool requireRealData = false) =>
        Load(DatasetCatalog.TinyShakespeare, dataRoot, requireRealData);

    /// <summary>Any UTF-8 text file under <c>text/</c> of the data root, by file name.</summary>
    public static CharCorpus Load(string fileName, string? dataRoot = null, bool requireRealData = false)
    {
        var known = DatasetCatalog.All.FirstOrDefault(f => f.RelativePath == "text/" + fileName)
            ?? new DatasetFile(fileName, "text/" + fileName, null, 0, "");
        return Load(known, dataRoot, requireRealData);
    }

    private static CharCorpus Load(DatasetFile file, string? dataRoot, bool requireRealData)
    {
        var searched = new List<string> { DataRoot.Resolve(dataRoot) };
        if (dataRoot is null) searched.Add(DataRoot.CacheDirectory);
        foreach (string root in searched.Distinct())
        {
            string path = Path.Combine(root, file.RelativePath);
            if (!File.Exists(path)) continue;
            if (file.Size > 0) file.Verify(path);
            string text = Utf8Text.Decode(File.ReadAllBytes(path), path).Replace("\r\n", "\n", StringComparison.Ordinal);
            if (text.Length == 0) throw new DataFormatException(path, 0, "the file is empty.");
            return new CharCorpus(text, path);
        }
        string where = string.Join(", ", searched.Distinct().Select(r => Path.Combine(r, file.RelativePath)));
        if (requireRealData) throw new FileNotFoundException($"{file.RelativePath} not found (looked for {where}).");
        SampleNotice.Announce(Path.GetFileName(file.RelativePath), $"no {where}",
            file.Url is null ? "put the file under text/ in the data root." : $"Downloader.Fetch(\"{file.Id}\") downloads {file.Url}.");
        return new CharCorpus(TextSample.Generate(), "generated sample (TextSample)", isSample: true);
    }
}
