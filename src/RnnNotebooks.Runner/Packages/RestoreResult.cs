namespace RnnNotebooks.Runner.Packages;

/// <summary>The outcome of a package restore.</summary>
/// <param name="Succeeded">True when every package restored.</param>
/// <param name="Assemblies">Runtime assemblies of the restored packages and their dependencies.</param>
/// <param name="Errors">The restore's error lines (for example <c>error NU1101: Unable to find package ...</c>).</param>
public sealed record RestoreResult(bool Succeeded, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Errors);
