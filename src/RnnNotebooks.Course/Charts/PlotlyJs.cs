using System.Reflection;
using Plotly.NET;

namespace RnnNotebooks.Course.Charts;

/// <summary>plotly.js as shipped inside the Plotly.NET package: no CDN is ever contacted.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<(string Version, string Source)> Embedded = new(Load);

    /// <summary>The plotly.js version embedded in Plotly.NET.</summary>
    public static string Version => Embedded.Value.Version;

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Embedded.Value.Source;

    /// <summary>
    /// A script body that defines <c>window.Plotly</c> once, even on pages that have require.js
    /// (classic Jupyter), where plotly.js would otherwise register as an AMD module only.
    /// </summary>
    internal static string GlobalScript =>
        "if(!window.Plotly){(function(define,module,exports){" + Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window);}";

    private static (string, string) Load()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} {assembly.GetName().Version} has no embedded plotly.js.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return (name["Plotly.NET.plotly-".Length..^".min.js".Length], reader.ReadToEnd());
    }
}
