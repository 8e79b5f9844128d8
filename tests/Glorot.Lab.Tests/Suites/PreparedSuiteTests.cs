using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

/// <summary>
/// <see cref="SuiteRunner.Prepare"/> checks the options and every run the invocation starts before anything is written;
/// <see cref="PreparedSuite.Run"/> does the work (issue 8, point 9).
/// </summary>
public sealed class PreparedSuiteTests
{
    private static readonly SuiteOptions Tiny = new() { Profile = SuiteProfile.Tiny };

    [Fact]
    public void A_suite_into_an_out_that_holds_its_runs_is_refused_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(Tiny, temp.Path);
        string manifest = File.ReadAllText(Path.Combine(temp.Path, "suite.json"));

        var prepared = Assert.Throws<ArgumentException>(() => SuiteRunner.Prepare(Tiny, temp.Path));
        Assert.Contains("already holds a run", prepared.Message);
        // Run checks the same first: the manifest of the finished suite stays as it was.
        Assert.Throws<ArgumentException>(() => SuiteRunner.Run(Tiny, temp.Path));
        Assert.Equal(manifest, File.ReadAllText(Path.Combine(temp.Path, "suite.json")));
        // With --resume every run is finished, so nothing is refused.
        Assert.NotEmpty(SuiteRunner.Prepare(Tiny with { Resume = true }, temp.Path).Tasks);
    }

    [Fact]
    public void The_prepared_tasks_are_the_stages_this_invocation_trains()
    {
        using var temp = new TempDirectory();
        var options = Tiny with { LearningRates = [0.01, 0.1] };
        var plan = SuitePlan.Of(options);
        Assert.True(plan.Selects);
        var all = SuiteRunner.Prepare(options, temp.Path);
        // Two plans of the same options hold equal tasks whose specs are different arrays: compared by stage and name.
        static IEnumerable<(SuiteStage, string)> Names(IEnumerable<SuiteTask> tasks) => tasks.Select(t => (t.Stage, t.Name));
        Assert.Equal(Names([.. plan.Tasks(SuiteStage.Selection), .. plan.Tasks(SuiteStage.Final)]), Names(all.Tasks));
        var selection = SuiteRunner.Prepare(options with { Stage = SuiteStage.Selection }, temp.Path);
        Assert.Empty(selection.Final);
        Assert.Equal(Names(plan.Tasks(SuiteStage.Selection)), Names(selection.Tasks));
        var final = SuiteRunner.Prepare(options with { Stage = SuiteStage.Final }, temp.Path);
        Assert.Empty(final.Selection);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "runs")));
    }
}
