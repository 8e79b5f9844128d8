using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunnerKeepCheckpointsTests
{
    private static readonly string[] ResultFiles = ["metrics.csv", "probe_summary.csv", "probe_histograms.csv", "probes.jsonl", "run.json", "spec.json"];

    [Fact]
    public void Without_keeping_checkpoints_a_completed_run_holds_its_results_but_no_weights()
    {
        using var temp = new TempDirectory();
        var kept = Runner.Run(TinySpecs.Tanh(60), temp.Sub("kept"));
        var dropped = Runner.Run(TinySpecs.Tanh(60), temp.Sub("dropped"), new RunOptions { KeepCheckpoints = false });
        Assert.Equal(RunStatus.Completed, dropped.Status);
        Assert.NotNull(Runner.LatestCheckpoint(kept.Directory));
        Assert.False(Directory.Exists(dropped.Directory.Checkpoints));
        Assert.False(Directory.Exists(dropped.Directory.Checkpoints + ".deleted"));
        foreach (var file in ResultFiles.Where(f => f != "run.json"))
            Assert.Equal(File.ReadAllText(Path.Combine(kept.Directory.Root, file)), File.ReadAllText(Path.Combine(dropped.Directory.Root, file)));
    }

    [Fact]
    public void Resuming_a_completed_run_without_weights_returns_its_recorded_result_and_touches_nothing()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { KeepCheckpoints = false });
        var before = ResultFiles.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(temp.Path, f)));
        var again = Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { Resume = true, KeepCheckpoints = false });
        Assert.Equal(RunStatus.Completed, again.Status);
        Assert.Equal(done.Steps, again.Steps);
        Assert.Equal(done.FinalTestError, again.FinalTestError);
        Assert.Equal(done.FinalValidationError, again.FinalValidationError);
        foreach (var (file, text) in before) Assert.Equal(text, File.ReadAllText(Path.Combine(temp.Path, file)));
    }

    [Fact]
    public void Extending_a_completed_run_whose_weights_were_not_kept_is_refused_with_what_to_do()
    {
        using var temp = new TempDirectory();
        Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { KeepCheckpoints = false });
        var error = Assert.Throws<ArgumentException>(() => Runner.Run(TinySpecs.Tanh(90), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("completed at update 60", error.Message);
        Assert.Contains("--keep-checkpoints", error.Message);
        Assert.Contains("--force", error.Message);
    }

    [Fact]
    public void A_paused_run_keeps_its_checkpoint_so_that_it_can_continue()
    {
        using var temp = new TempDirectory();
        var paused = Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { StopAt = 40, KeepCheckpoints = false });
        Assert.Equal(RunStatus.Paused, paused.Status);
        Assert.NotNull(Runner.LatestCheckpoint(paused.Directory));
        var resumed = Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { Resume = true, KeepCheckpoints = false });
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(60, resumed.Steps);
        Assert.False(Directory.Exists(resumed.Directory.Checkpoints));
    }

    [Fact]
    public void A_deletion_cut_short_after_the_rename_leaves_a_finished_run_that_resumes()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(TinySpecs.Tanh(60), temp.Path);
        // What a kill between the rename and the end of the recursive delete leaves behind.
        Directory.Move(done.Directory.Checkpoints, done.Directory.Checkpoints + ".deleted");
        var again = Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, again.Status);
        Assert.Equal(done.FinalTestError, again.FinalTestError);
    }
}
