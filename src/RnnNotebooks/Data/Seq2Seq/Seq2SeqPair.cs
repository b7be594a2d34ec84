namespace RnnNotebooks.Data.Seq2Seq;

/// <summary>One example of a sequence-to-sequence task: the text the encoder reads and the text the decoder must write.</summary>
/// <param name="Source">The input, e.g. "Monday, December 7th, 2026".</param>
/// <param name="Target">The output, e.g. "2026-12-07".</param>
public sealed record Seq2SeqPair(string Source, string Target);
