using System.Globalization;

namespace RnnNotebooks.Data.Download;

/// <summary>
/// Progress as plain text lines, one per 10% (or per 10 MB when the size is unknown). Suits
/// notebook outputs, which do not honour carriage returns.
/// </summary>
public sealed class TextProgress(string label, TextWriter? writer = null) : IProgress<DownloadProgress>
{
    private int _lastStep = -1;

    /// <inheritdoc/>
    public void Report(DownloadProgress value)
    {
        int step = value.Fraction is double f ? (int)(f * 10) : (int)(value.BytesReceived / 10_000_000);
        if (step == _lastStep) return;
        _lastStep = step;
        var w = writer ?? Console.Out;
        string mb = (value.BytesReceived / 1e6).ToString("F1", CultureInfo.InvariantCulture);
        if (value.TotalBytes is long total)
        {
            string totalMb = (total / 1e6).ToString("F1", CultureInfo.InvariantCulture);
            w.WriteLine($"{label}: {mb} / {totalMb} MB ({(int)(100 * value.Fraction!.Value)}%)");
        }
        else w.WriteLine($"{label}: {mb} MB");
    }
}
