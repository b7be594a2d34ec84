namespace RnnNotebooks.Data.Download;

/// <summary>
/// One file of a dataset as listed in <c>datasets/manifest.json</c>: where it lives under the
/// data root, where it comes from, and the size and SHA-256 that identify the exact copy.
/// </summary>
/// <param name="Id">Short name, e.g. <c>imdb-tarball</c>.</param>
/// <param name="RelativePath">Path under the data root, e.g. <c>imdb/aclImdb_v1.tar.gz</c>.</param>
/// <param name="Url">Upstream download address, or null when there is no stable public one.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256.</param>
/// <param name="Note">How to obtain the file when <paramref name="Url"/> is null, or other remarks.</param>
public sealed record DatasetFile(string Id, string RelativePath, string? Url, long Size, string Sha256, string? Note = null);
