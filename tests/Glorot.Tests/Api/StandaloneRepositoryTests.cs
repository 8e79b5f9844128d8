using System.Text.RegularExpressions;

namespace Glorot.Tests.Api;

/// <summary>
/// The repository must stand alone: a comment or a doc may cite the paper, a public source or a page under docs/,
/// never the team's private research notes, which users do not have.
/// </summary>
public class StandaloneRepositoryTests
{
    // The private notes: a "reference/" folder (not a URL path such as numpy.org/doc/stable/reference/…) and the
    // note files by name. Case-sensitive, so docs/INITIALIZERS.md is not mistaken for initializers.md.
    private static readonly Regex PrivateNote = new(
        @"(?<![\w.:/-])reference/|shared/reference|docs/reference|\b(?:glorot2010|performance|initializers|diagnostics)\.md\b|style-anchors",
        RegexOptions.CultureInvariant);

    private static readonly string[] Scanned = [".cs", ".md", ".sh", ".py", ".csproj", ".props", ".yaml", ".yml", ".sbatch"];

    [Theory]
    [InlineData("see reference/glorot2010.md §4", true)]
    [InlineData("(performance.md §3.4: 92 vs 58 GFLOP/s)", true)]
    [InlineData("`/work/shared/reference/initializers.md` (§4 fans)", true)]
    [InlineData("diagnostics.md §5.2", true)]
    [InlineData("reference/style-anchors.md", true)]
    [InlineData("Format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html", false)]
    [InlineData("docs/INITIALIZERS.md §2 and docs/BENCHMARKS.md \"Design measurements\"", false)]
    public void The_pattern_finds_note_citations_and_spares_urls_and_docs_pages(string line, bool cites)
        => Assert.Equal(cites, PrivateNote.IsMatch(line));

    [Fact]
    public void No_source_or_doc_file_cites_the_private_notes()
    {
        string root = RepositoryRoot();
        // This file spells the patterns out in its examples.
        string self = Path.Combine(root, "tests", "Glorot.Tests", "Api", nameof(StandaloneRepositoryTests) + ".cs");
        var files = SourceFiles(root).Where(f => !string.Equals(f, self, StringComparison.Ordinal)).ToList();
        // Guard against a vacuous pass (wrong root, or a filter that drops everything).
        Assert.Contains(files, f => Path.GetFileName(f) == "README.md");
        Assert.Contains(files, f => f.EndsWith(Path.Combine("Kernels", "GemmPath.cs"), StringComparison.Ordinal));

        var hits = new List<string>();
        foreach (string file in files)
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
                if (PrivateNote.IsMatch(lines[i]))
                    hits.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(hits.Count == 0,
            "Cite the paper, a public source or a docs/ page instead of the private notes:\n" + string.Join("\n", hits));
    }

    private static IEnumerable<string> SourceFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            string dir = pending.Pop();
            foreach (string sub in Directory.EnumerateDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                string relative = Path.GetRelativePath(root, sub).Replace('\\', '/');
                // Build outputs and hidden folders are not sources; docs/bench-results holds raw logs kept verbatim.
                if (name.StartsWith('.') || name is "bin" or "obj" or "TestResults" || relative == "docs/bench-results")
                    continue;
                pending.Push(sub);
            }
            foreach (string file in Directory.EnumerateFiles(dir))
                if (Scanned.Contains(Path.GetExtension(file), StringComparer.Ordinal))
                    yield return file;
        }
    }

    private static string RepositoryRoot() => Support.Repository.Root;
}
