namespace RnnNotebooks.Runner.Packages;

/// <summary>A package named by <c>#r "nuget: Id, Version"</c>; a null version means the latest stable.</summary>
public sealed record PackageReference(string Id, string? Version)
{
    /// <inheritdoc />
    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}
