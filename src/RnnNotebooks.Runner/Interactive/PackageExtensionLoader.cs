using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace RnnNotebooks.Runner.Interactive;

/// <summary>
/// Loads kernel extensions shipped in NuGet packages (<c>interactive-extensions/dotnet/*.dll</c>, types
/// implementing <see cref="IKernelExtension"/>) after the command that restored the package, as the
/// dotnet-interactive tool does. The kernel packages restore packages but leave this step to the host.
/// </summary>
public static class PackageExtensionLoader
{
    /// <summary>Where a package keeps its .NET kernel extensions, relative to the package root.</summary>
    public static readonly string ExtensionFolder = Path.Combine("interactive-extensions", "dotnet");

    /// <summary>Loads the extensions of every package added to <paramref name="kernel"/> from now on.</summary>
    public static void Attach(CompositeKernel kernel)
    {
        var added = new ConcurrentQueue<string>();
        var seenRoots = new HashSet<string>(StringComparer.Ordinal);
        var loadedAssemblies = new HashSet<string>(StringComparer.Ordinal);

        kernel.RegisterForDisposal(kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: { } root })
            {
                added.Enqueue(root);
            }
        }));

        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (added.TryDequeue(out var root))
            {
                var folder = Path.Combine(root, ExtensionFolder);
                if (!seenRoots.Add(root) || !Directory.Exists(folder))
                {
                    continue;
                }
                foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
                {
                    if (loadedAssemblies.Add(AssemblyName.GetAssemblyName(dll).FullName))
                    {
                        await LoadAsync(dll, kernel, context);
                    }
                }
            }
        });
    }

    private static async Task LoadAsync(string dll, Kernel kernel, KernelInvocationContext context)
    {
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        var extensionTypes = assembly.ExportedTypes
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IKernelExtension).IsAssignableFrom(t))
            .ToArray();
        if (extensionTypes.Length > 0)
        {
            KernelInvocationContextExtensions.Display(context, $"Loading extensions from `{Path.GetFileName(dll)}`");
        }
        foreach (var type in extensionTypes)
        {
            try
            {
                var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                await extension.OnLoadAsync(kernel);
                context.Publish(new KernelExtensionLoaded(extension, context.Command));
            }
            catch (Exception e)
            {
                context.Fail(context.Command, e, $"Failed to load kernel extension \"{type.Name}\" from {dll}: {e.Message}");
            }
        }
    }
}
