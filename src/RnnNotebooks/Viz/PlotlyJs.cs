namespace RnnNotebooks.Viz;

/// <summary>Where <see cref="Figure.ToHtml"/> loads plotly.js from.</summary>
public static class PlotlyJs
{
    /// <summary>The pinned plotly.js version.</summary>
    public const string Version = "3.1.2";

    /// <summary>The pinned plotly.js bundle on the plotly CDN.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    /// <summary>
    /// URL used by <see cref="Figure.ToHtml"/>; defaults to <see cref="CdnUrl"/>. Point it at a local copy
    /// (for example a relative <c>plotly.min.js</c>) for a workshop without internet.
    /// </summary>
    public static string Source { get; set; } = CdnUrl;
}
