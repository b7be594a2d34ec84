namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>The repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding RnnNotebooks.sln above the test binaries.</summary>
    public static string Root()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "RnnNotebooks.sln")))
            {
                return d.FullName;
            }
        }
        throw new InvalidOperationException("RnnNotebooks.sln not found above the test binaries");
    }
}
