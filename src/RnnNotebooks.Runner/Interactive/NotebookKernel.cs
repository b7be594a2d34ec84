using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace RnnNotebooks.Runner.Interactive;

/// <summary>Builds the kernel a notebook runs in: the .NET Interactive C# kernel as the dotnet-interactive tool configures it.</summary>
public static class NotebookKernel
{
    /// <summary>
    /// A composite kernel holding a C# kernel with the kernel helpers (<c>display</c>), value sharing,
    /// <c>#r "nuget: ..."</c>, <c>#!import</c> (a notebook's first cell imports <c>setup/Build.csx</c>), and kernel
    /// extensions loaded from restored packages.
    /// </summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()
            .UseValueSharing()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            });
        var composite = new CompositeKernel();
        composite.Add(csharp, ["c#", "C#"]);
        composite.DefaultKernelName = csharp.Name;
        composite.UseImportMagicCommand();
        PackageExtensionLoader.Attach(composite);
        return composite;
    }
}
