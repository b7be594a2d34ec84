namespace RnnNotebooks.Data;

/// <summary>
/// Prints the one-paragraph notice a loader shows when it falls back to a generated sample,
/// so a notebook never trains on the sample without saying so.
/// </summary>
public static class SampleNotice
{
    /// <summary>Where notices go; null (the default) means <see cref="Console.Out"/> at the time of the call.</summary>
    public static TextWriter? Out { get; set; }

    /// <summary>Writes the notice: what is missing, what is used instead, and how to get the real data.</summary>
    public static void Announce(string dataset, string missing, string howToGetRealData)
    {
        var w = Out ?? Console.Out;
        w.WriteLine($"[RnnNotebooks.Data] {dataset}: real data not found ({missing}).");
        w.WriteLine($"[RnnNotebooks.Data] Using a small GENERATED SAMPLE instead; results will not match published numbers.");
        w.WriteLine($"[RnnNotebooks.Data] To get the real data: {howToGetRealData}");
        w.WriteLine($"[RnnNotebooks.Data] Or point ${DataRoot.EnvironmentVariable} at a folder holding it (see datasets/README.md).");
    }
}
