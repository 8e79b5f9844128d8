namespace Glorot.Lab.Tests.Support;

/// <summary>The repository the tests run from, for tests that read its published results (docs/results/).</summary>
internal static class Repository
{
    /// <summary>The directory holding Glorot.sln above the test binaries.</summary>
    public static string Root { get; } = Find();

    /// <summary>The published result folders (docs/results/medium, docs/results/narrow, …).</summary>
    public static IEnumerable<string> PublishedResults() =>
        Directory.EnumerateDirectories(Path.Combine(Root, "docs", "results")).Order(StringComparer.Ordinal);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Glorot.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no Glorot.sln above {AppContext.BaseDirectory}");
    }
}
