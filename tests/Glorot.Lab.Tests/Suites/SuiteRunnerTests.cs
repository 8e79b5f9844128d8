using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class SuiteRunnerTests(TinySuiteFixture suite) : IClassFixture<TinySuiteFixture>
{
    [Fact]
    public void The_tiny_suite_trains_every_run_and_writes_report_tables_and_summary()
    {
        Assert.Equal(5, suite.Result.Runs.Count);
        Assert.All(suite.Result.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        foreach (var file in new[] { "report.html", "table1.csv", "suite.json", "jacobian.csv" })
            Assert.True(File.Exists(Path.Combine(suite.Out, file)), file);
        Assert.Equal(Path.Combine(suite.Out, "report.html"), suite.Result.Report);
    }

    [Fact]
    public void Resuming_a_finished_suite_trains_nothing_and_keeps_the_results()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(SuiteProfile.Tiny, temp.Path);
        string before = File.ReadAllText(Path.Combine(temp.Path, "runs", "tanh", "metrics.csv"));
        var again = SuiteRunner.Run(SuiteProfile.Tiny, temp.Path, resume: true);
        Assert.All(again.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(before, File.ReadAllText(Path.Combine(temp.Path, "runs", "tanh", "metrics.csv")));
    }

    [Fact]
    public void A_suite_keeps_no_weights_unless_asked()
    {
        Assert.All(suite.Result.Runs, r => Assert.False(Directory.Exists(r.Directory.Checkpoints), $"{r.Name} kept its checkpoints"));
        using var temp = new TempDirectory();
        var kept = SuiteRunner.Run(new SuiteOptions { Profile = SuiteProfile.Tiny, KeepCheckpoints = true }, temp.Path);
        Assert.All(kept.Runs, r => Assert.NotNull(Runner.LatestCheckpoint(r.Directory)));
    }

    [Fact]
    public void Progress_counts_updates_over_all_runs_up_to_the_total()
    {
        using var temp = new TempDirectory();
        var reports = new List<SuiteProgress>();
        SuiteRunner.Run(SuiteProfile.Tiny, temp.Path, progress: new Collect(reports));
        long total = Glorot2010Suite.Runs(SuiteProfile.Tiny).Sum(r => r.Spec.Updates);
        Assert.All(reports, p => Assert.Equal(total, p.Total));
        Assert.Equal(reports.Select(p => p.Done).Order(), reports.Select(p => p.Done));
        Assert.Equal("report", reports[^1].Stage);
    }

    private sealed class Collect(List<SuiteProgress> list) : IProgress<SuiteProgress>
    {
        public void Report(SuiteProgress value) => list.Add(value);
    }
}
