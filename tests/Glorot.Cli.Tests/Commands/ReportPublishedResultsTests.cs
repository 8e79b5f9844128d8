namespace Glorot.Cli.Tests.Commands;

/// <summary>
/// <c>glorot report</c> on the folders of docs/results: they hold each run's spec, metrics and probe summary but, on
/// purpose, not its probe_histograms.csv (docs/results/publish.sh), so the report draws every figure it can and names
/// the histogram tables it lacks instead of failing.
/// </summary>
public sealed class ReportPublishedResultsTests
{
    [Theory]
    [InlineData("narrow")]
    [InlineData("medium")]
    public void A_published_result_folder_gets_a_report_without_its_histogram_figures(string name)
    {
        string published = Path.Combine(RepositoryRoot(), "docs", "results", name);
        Assert.Empty(Directory.GetFiles(Path.Combine(published, "runs"), "probe_histograms.csv", SearchOption.AllDirectories));
        string dir = Path.Combine(Path.GetTempPath(), "glorot-published-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, text, err) = CliRunner.Run("report", published, "--out", dir);
            Assert.True(code == 0, err);
            Assert.Contains("runs gathered", text);
            string report = File.ReadAllText(Path.Combine(dir, "report.html"));
            Assert.Contains("Histogram figures not drawn", report);
            Assert.Contains("runs/tanh/probe_histograms.csv", report);
            var figures = Directory.GetFiles(Path.Combine(dir, "figures"), "*.csv").Select(Path.GetFileName).ToList();
            // Figures from probe summaries and metrics are drawn; those from histogram tables (Figs. 4, 6–8) are not.
            Assert.Contains("fig11-test-error.csv", figures);
            Assert.Contains("fig3-tanh-saturation.csv", figures);
            Assert.DoesNotContain(figures, f => f!.StartsWith("fig4-", StringComparison.Ordinal) || f.StartsWith("fig6-", StringComparison.Ordinal)
                || f.StartsWith("fig7-", StringComparison.Ordinal) || f.StartsWith("fig8-", StringComparison.Ordinal));
            // What is drawn is what the suite drew when it trained: the same bytes as the published figure.
            Assert.Equal(File.ReadAllBytes(Path.Combine(published, "figures", "fig3-tanh-saturation.csv")),
                File.ReadAllBytes(Path.Combine(dir, "figures", "fig3-tanh-saturation.csv")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Glorot.sln"))) return d.FullName;
        throw new InvalidOperationException($"no Glorot.sln above {AppContext.BaseDirectory}");
    }
}
