using System.Text;

namespace RnnNotebooks.Runner.Execution;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell's <see cref="CellOutputs"/>;
/// writes made outside a cell go to the original console.
/// </summary>
public static class ConsoleCapture
{
    private static readonly object Gate = new();
    private static TextWriter? _originalOut;

    /// <summary>The process's standard output before capture was installed.</summary>
    public static TextWriter OriginalOut => _originalOut ?? Console.Out;

    /// <summary>Installs the routing writers once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_originalOut is not null)
            {
                return;
            }
            _originalOut = Console.Out;
            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
        }
    }

    private sealed class RoutingWriter(string streamName, TextWriter fallback) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }
            if (CellOutputs.Current is { } outputs)
            {
                outputs.WriteStream(streamName, value);
            }
            else
            {
                fallback.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + NewLine);

        public override void Flush()
        {
            if (CellOutputs.Current is null)
            {
                fallback.Flush();
            }
        }
    }
}
