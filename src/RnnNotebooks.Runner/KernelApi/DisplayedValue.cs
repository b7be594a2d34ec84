// Compatibility surface: these types live in .NET Interactive's namespace so a notebook's
// display()/Update()/Display() calls compile and behave the same here and in the kernel.
using System.Text.Json.Nodes;
using RnnNotebooks.Runner.Execution;

namespace Microsoft.DotNet.Interactive;

/// <summary>A value shown with <c>display(...)</c>; <see cref="Update"/> replaces what is shown, as in .NET Interactive.</summary>
public class DisplayedValue
{
    private readonly JsonObject? _output;
    private readonly string[] _requestedMimeTypes;

    internal DisplayedValue(JsonObject? output, IReadOnlyList<string> mimeTypes, string[] requestedMimeTypes)
    {
        _output = output;
        MimeTypes = mimeTypes;
        _requestedMimeTypes = requestedMimeTypes;
    }

    /// <summary>An id for this display (unique within the process).</summary>
    public string DisplayId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The MIME types the value is shown with.</summary>
    public IReadOnlyCollection<string> MimeTypes { get; }

    /// <summary>Replaces the displayed value with <paramref name="updatedValue"/>, formatted with the MIME types of the first display (as the kernel does).</summary>
    public void Update(object updatedValue)
    {
        if (_output is null)
        {
            Kernel.WriteFallback(updatedValue, _requestedMimeTypes);
            return;
        }
        var data = MimeBundle.Format(updatedValue, MimeTypes.ToArray());
        lock (_output)
        {
            _output["data"] = data;
        }
    }
}
