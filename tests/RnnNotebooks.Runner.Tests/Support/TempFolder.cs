namespace RnnNotebooks.Runner.Tests.Support;

/// <summary>Fresh folders under the system temp directory.</summary>
public static class TempFolder
{
    public static string Create() => Directory.CreateTempSubdirectory("rnn-notebooks-test-").FullName;
}
