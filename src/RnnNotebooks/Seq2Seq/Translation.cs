namespace RnnNotebooks.Seq2Seq;

/// <summary>What a model wrote for one source.</summary>
/// <param name="Source">The input text.</param>
/// <param name="Output">The text written (up to &lt;/s&gt;).</param>
/// <param name="LogProbability">Σₜ log p of the tokens written (and of &lt;/s&gt; when <paramref name="Finished"/>).</param>
/// <param name="Attention">α [output steps, source characters]: row t is where the decoder looked while writing character t (the last row is &lt;/s&gt; when finished); null without attention.</param>
/// <param name="Finished">Whether &lt;/s&gt; was written within the length limit.</param>
public sealed record Translation(string Source, string Output, double LogProbability, double[,]? Attention, bool Finished);
