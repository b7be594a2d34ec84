using System.Net;
using System.Net.Sockets;

namespace RnnNotebooks.Tests.Data;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 for downloader tests. <see cref="Handle"/> decides what each
/// request gets; helpers serve a file, honour Range, or cut the connection half way.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalHttpServer(Action<HttpListenerContext, int> handle)
    {
        int port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/file.bin");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            int n = 0;
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); } catch { return; }
                int request = Interlocked.Increment(ref n);
                Requests.Add(ctx.Request.Headers["Range"]);
                try { handle(ctx, request); } catch { try { ctx.Response.Abort(); } catch { } }
            }
        });
    }

    public Uri Url { get; }

    /// <summary>The Range header of each request (null when absent), in order.</summary>
    public List<string?> Requests { get; } = [];

    /// <summary>Serves <paramref name="body"/> from the offset asked in a Range header (206), or whole (200).</summary>
    public static void Serve(HttpListenerContext ctx, byte[] body, bool honourRange = true)
    {
        long from = 0;
        string? range = ctx.Request.Headers["Range"];
        if (honourRange && range is not null && range.StartsWith("bytes=") && range.EndsWith("-"))
            from = long.Parse(range[6..^1]);
        var res = ctx.Response;
        if (from > 0)
        {
            res.StatusCode = 206;
            res.Headers["Content-Range"] = $"bytes {from}-{body.Length - 1}/{body.Length}";
        }
        res.ContentLength64 = body.Length - from;
        res.OutputStream.Write(body, (int)from, (int)(body.Length - from));
        res.Close();
    }

    /// <summary>Announces the whole body, sends <paramref name="bytes"/> of it, then drops the connection.</summary>
    public static void ServeThenFail(HttpListenerContext ctx, byte[] body, int bytes)
    {
        ctx.Response.ContentLength64 = body.Length;
        ctx.Response.OutputStream.Write(body, 0, bytes);
        ctx.Response.OutputStream.Flush();
        ctx.Response.Abort();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(2000); } catch { }
    }
}
