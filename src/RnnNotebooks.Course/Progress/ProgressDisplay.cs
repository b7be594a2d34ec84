using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Course.Progress;

/// <summary>Notebook renderings of <see cref="TrainingProgress"/>: an HTML table with a bar, and one line of text.</summary>
public static class ProgressDisplay
{
    /// <summary>Registers the renderings. Called by <c>Notebook.Setup()</c>.</summary>
    public static void Register()
    {
        Formatter.Register<TrainingProgress>((p, w) => w.Write(p.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TrainingProgress>((p, w) => w.Write(p.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(TrainingProgress), HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
