using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace RnnNotebooks.Course;

/// <summary>
/// Lets Plotly.NET 6 (built against FSharp.Core 10.1) run in a kernel that already loaded an older
/// FSharp.Core (the dotnet-interactive tool ships 10.0): a request for FSharp.Core that the default
/// context cannot satisfy is answered with the copy already loaded, so every F# library in the
/// process shares one FSharp.Core.
/// </summary>
internal static class FSharpCoreBinding
{
#pragma warning disable CA2255 // a library initializer is the point: it must run before any Plotly.NET type loads
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != "FSharp.Core") return null;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name == "FSharp.Core")
            .OrderByDescending(a => a.GetName().Version)
            .FirstOrDefault();
    }
}
