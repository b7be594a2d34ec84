namespace RnnNotebooks.Course.Apps;

/// <summary>A variable of a notebook's <c>parameters</c> cell, as its app declares it: the name and the declared type.</summary>
/// <param name="Name">Variable name, e.g. <c>epochs</c>.</param>
/// <param name="Type">Declared type, e.g. <c>typeof(int)</c> or <c>typeof(int[])</c>.</param>
public sealed record AppParameter(string Name, Type Type);
