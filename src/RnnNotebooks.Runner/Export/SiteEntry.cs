namespace RnnNotebooks.Runner.Export;

/// <summary>A notebook to put in the site.</summary>
/// <param name="ExecutedNotebook">The executed copy (.ipynb) to render.</param>
/// <param name="SourceFolder">The folder of the source notebook: relative images (diagrams) are found from here.</param>
/// <param name="Note">A short line shown beside the notebook in the contents (e.g. "passed · 12 s · real data"), or null.</param>
public sealed record SiteEntry(string ExecutedNotebook, string SourceFolder, string? Note = null);
