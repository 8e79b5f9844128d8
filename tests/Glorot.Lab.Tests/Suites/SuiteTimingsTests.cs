using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class SuiteTimingsTests(TinySuiteFixture suite) : IClassFixture<TinySuiteFixture>
{
    [Fact]
    public void The_breakdown_sums_every_run_s_phases_then_adds_figures_and_report()
    {
        var stages = suite.Result.StageTimings;
        Assert.Equal(["figures", "report"], stages.Select(s => s.Phase));
        Assert.All(stages, s => Assert.InRange(s.Time.Seconds, 1e-6, suite.Result.Seconds));

        var rows = SuiteTimings.Gather(suite.Result.Runs, stages);
        Assert.Equal([.. Enum.GetValues<RunPhase>().Select(RunTimings.Name), "figures", "report"], rows.Select(r => r.Phase));
        var perRun = suite.Result.Runs.Select(r => RunTimings.ReadTable(r.Directory.Timings).Single(t => t.Phase == "training").Time).ToList();
        var training = rows.Single(r => r.Phase == "training").Time;
        Assert.Equal(perRun.Sum(t => t.Count), training.Count);
        Assert.Equal(perRun.Sum(t => t.Seconds), training.Seconds, 9);
        Assert.Equal(suite.Result.Runs.Sum(r => r.Steps), training.Count);
        // Runs trained at once overlap: the phases fit in the suite's wall time times its jobs.
        int jobs = new SuiteOptions { Profile = SuiteProfile.Tiny }.JobCount;
        Assert.True(rows.Sum(r => r.Time.Seconds) <= jobs * suite.Result.Seconds, "the phases add up to more than the jobs' wall time");

        string table = SuiteTimings.Format(rows, suite.Result.Seconds);
        foreach (var (phase, _) in rows) Assert.Contains(phase, table);
        Assert.Contains("wall time", table);
    }

    [Fact]
    public void Write_puts_the_breakdown_in_the_suite_s_timings_csv()
    {
        using var temp = new TempDirectory();
        var (rows, path) = SuiteTimings.Write(suite.Result, temp.Path);
        Assert.Equal(Path.Combine(temp.Path, "timings.csv"), path);
        Assert.Equal(SuiteTimings.Gather(suite.Result.Runs, suite.Result.StageTimings).Select(r => r.Phase), rows.Select(r => r.Phase));
        Assert.Equal(rows.Select(r => (r.Phase, r.Time.Count)), RunTimings.ReadTable(path).Select(r => (r.Phase, r.Time.Count)));
    }
}
