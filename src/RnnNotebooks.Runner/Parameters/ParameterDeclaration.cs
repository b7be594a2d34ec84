namespace RnnNotebooks.Runner.Parameters;

/// <summary>A variable declared in the cell tagged <c>parameters</c>.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Type">C# type: the declared one, or the literal's type for <c>var</c>; null when it cannot be told.</param>
/// <param name="IsConst">True for <c>const</c> declarations.</param>
/// <param name="QuickValue">The C# expression after <c>// quick:</c> on the declaration's line, if any.</param>
public sealed record ParameterDeclaration(string Name, string? Type, bool IsConst, string? QuickValue);
