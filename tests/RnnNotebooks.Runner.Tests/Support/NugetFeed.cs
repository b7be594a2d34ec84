using Xunit.Sdk;

namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>
/// Tests that restore packages from the NuGet feed say so: they carry <c>[Trait("Requires", "NuGet")]</c>
/// (leave them out offline with <c>--filter "Requires!=NuGet"</c>) and call <see cref="Require"/>, which
/// fails with that explanation instead of an unrelated restore error when the feed cannot be reached.
/// </summary>
public static class NugetFeed
{
    /// <summary>The feed the machine's NuGet.Config names.</summary>
    public const string Index = "https://api.nuget.org/v3/index.json";

    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>Fails the test naming the feed and <paramref name="purpose"/> when the feed is unreachable.</summary>
    public static void Require(string purpose)
    {
        if (Problem.Value is string problem)
            throw new XunitException(
                $"This test needs the NuGet feed {Index} to {purpose}, and the feed cannot be reached ({problem}). " +
                "Run it online, or leave it out with --filter \"Requires!=NuGet\".");
    }

    private static string? Probe()
    {
        // Generous: the machine may be loaded; this only bounds a request that never ends.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, Index));
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return e.Message;
        }
    }
}
