// Compatibility surface for notebooks (see DisplayedValue.cs): .NET Interactive declares
// Display() in namespace System so that `x.Display()` works in every cell without a using.
using Microsoft.DotNet.Interactive;

namespace System;

/// <summary>The <c>value.Display()</c> extension of .NET Interactive.</summary>
public static class DisplayExtensions
{
    /// <summary>Same as <c>display(value, mimeTypes)</c>.</summary>
    public static DisplayedValue Display(this object value, params string[] mimeTypes) => Kernel.display(value, mimeTypes);
}
