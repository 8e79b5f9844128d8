using System.Text.Json;
using Glorot.IO;
using Glorot.Lab.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Runs;

/// <summary>Resume and start-over cases that used to lose results silently (issue 11, classes 2, 3, 4 and 5).</summary>
public sealed class RunnerResumeTests
{
    private static RunSpec Spec(long updates = 40) => TinySpecs.Tanh(updates) with { Hidden = [8, 8], CheckpointEvery = 10, EvaluateEvery = 10, ProbeEvery = 20 };

    private static string Final(RunDirectory dir) => JsonDocument.Parse(File.ReadAllText(dir.Summary)).RootElement.GetProperty("final_test_error").GetRawText();

    [Fact]
    public void A_second_run_on_a_locked_directory_is_refused_naming_the_holder()
    {
        using var temp = new TempDirectory();
        using (RunLock.Acquire(temp.Path))
        {
            var ex = Assert.Throws<IOException>(() => Runner.Run(Spec(), temp.Path));
            Assert.Contains("in use by another glorot process", ex.Message);
            Assert.Contains($"PID {Environment.ProcessId}", ex.Message);
            Assert.False(File.Exists(new RunDirectory(temp.Path).Spec), "the refused run wrote into the directory");
        }
        Assert.Equal(RunStatus.Completed, Runner.Run(Spec(), temp.Path).Status); // released with its holder
    }

    [Fact]
    public void Resume_of_a_directory_that_does_not_exist_or_holds_no_run_is_refused()
    {
        using var temp = new TempDirectory();
        var missing = Assert.Throws<ArgumentException>(() => Runner.Run(Spec(), temp.Sub("nope"), new RunOptions { Resume = true }));
        Assert.Contains("does not exist", missing.Message);
        Assert.False(Directory.Exists(temp.Sub("nope")));
        var empty = Assert.Throws<ArgumentException>(() => Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("holds no run to resume", empty.Message);
    }

    [Fact]
    public void Starting_over_a_run_without_force_is_refused_and_keeps_it_with_force_it_starts_over()
    {
        using var temp = new TempDirectory();
        var first = Runner.Run(Spec(), temp.Path);
        string metrics = File.ReadAllText(first.Directory.Metrics);
        var ex = Assert.Throws<ArgumentException>(() => Runner.Run(Spec() with { Seed = 9 }, temp.Path));
        Assert.Contains("already holds a run (checkpoint at update 40)", ex.Message);
        Assert.Contains("--force", ex.Message);
        Assert.Equal(metrics, File.ReadAllText(first.Directory.Metrics));
        Assert.EndsWith("step-000000040", Runner.LatestCheckpoint(first.Directory));

        var again = Runner.Run(Spec() with { Seed = 9 }, temp.Path, new RunOptions { Force = true });
        Assert.Equal(RunStatus.Completed, again.Status);
        Assert.NotEqual(metrics, File.ReadAllText(again.Directory.Metrics));
    }

    [Fact]
    public void Resuming_a_finished_run_keeps_its_recorded_result()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(Spec(), temp.Path);
        string final = Final(done.Directory);
        Assert.NotEqual("null", final);
        var again = Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, again.Status);
        Assert.Equal(done.FinalTestError, again.FinalTestError);
        Assert.Equal(final, Final(again.Directory));
    }

    [Fact]
    public void Lowering_updates_below_the_checkpoint_is_refused_and_changes_nothing()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(Spec(40), temp.Path);
        var before = Directory.GetFiles(temp.Path).ToDictionary(f => f, File.ReadAllText);
        var ex = Assert.Throws<ArgumentException>(() => Runner.Run(Spec(25), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("past the spec's updates = 25", ex.Message);
        foreach (var (file, content) in before)
            if (Path.GetFileName(file) != RunLock.FileName) Assert.Equal(content, File.ReadAllText(file));
        Assert.NotEqual("null", Final(done.Directory));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("negative-step")]
    [InlineData("nan-weights")]
    public void A_damaged_newest_checkpoint_falls_back_to_the_previous_one_and_says_so(string damage)
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(Spec(), temp.Sub("straight"));
        var dir = new RunDirectory(temp.Sub("damaged"));
        // A kill before the state file of checkpoint 20 is written: checkpoint 10 is still complete.
        Assert.Throws<SimulatedCrash>(() =>
        {
            using (FileFaults.Install(new FileFaults { FailAt = OperationIndex(dir, "step-000000020", RunState.FileName) })) Runner.Run(Spec(), dir.Root);
        });
        string newest = dir.Checkpoint(20);
        Assert.True(Directory.Exists(newest) && Directory.Exists(dir.Checkpoint(10)));
        string state = Path.Combine(newest, RunState.FileName);
        string good = File.ReadAllText(Path.Combine(dir.Checkpoint(10), RunState.FileName)).Replace("\"step\": 10", "\"step\": 20", StringComparison.Ordinal);
        switch (damage)
        {
            case "empty": File.WriteAllText(state, ""); break;
            case "negative-step": File.WriteAllText(state, good.Replace("\"step\": 20", "\"step\": -5", StringComparison.Ordinal)); break;
            case "nan-weights":
                File.WriteAllText(state, good);
                var w = MlpCheckpoint.Load(newest);
                var p = w.CopyParameters();
                p[3] = float.NaN;
                w.SetParameters(p);
                MlpCheckpoint.Save(w, newest);
                break;
        }
        string metricsBefore = File.ReadAllText(dir.Metrics);
        var notices = new List<string>();
        var resumed = Runner.Run(Spec(), dir.Root, new RunOptions { Resume = true, Notice = notices.Add });
        Assert.Contains(notices, n => n.Contains("resuming from step-000000010", StringComparison.Ordinal));
        Assert.True(metricsBefore.Length > 0);
        Assert.Equal(File.ReadAllText(straight.Directory.Metrics), File.ReadAllText(dir.Metrics));
        Assert.Equal(MlpCheckpoint.Load(Runner.LatestCheckpoint(straight.Directory)!).CopyParameters(),
            MlpCheckpoint.Load(Runner.LatestCheckpoint(resumed.Directory)!).CopyParameters());
    }

    [Fact]
    public void A_run_whose_only_checkpoint_is_damaged_is_not_started_over_without_force()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(Spec(), temp.Path);
        string state = Path.Combine(Runner.LatestCheckpoint(done.Directory)!, RunState.FileName);
        File.WriteAllText(state, File.ReadAllText(state).Replace("\"step\": 40", "\"step\": -5", StringComparison.Ordinal));
        string metrics = File.ReadAllText(done.Directory.Metrics);
        var ex = Assert.Throws<InvalidDataException>(() => Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("step -5 is negative", ex.Message);
        Assert.Contains("--force", ex.Message);
        Assert.Equal(metrics, File.ReadAllText(done.Directory.Metrics));
        var notices = new List<string>();
        Assert.Equal(RunStatus.Completed, Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true, Force = true, Notice = notices.Add }).Status);
        Assert.Contains(notices, n => n.Contains("starting over", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_with_results_but_no_complete_checkpoint_is_not_started_over_without_force()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(Spec(), temp.Path);
        File.Delete(Path.Combine(Runner.LatestCheckpoint(done.Directory)!, RunState.FileName));
        string metrics = File.ReadAllText(done.Directory.Metrics);
        var ex = Assert.Throws<InvalidDataException>(() => Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("has results up to update 40 but no complete checkpoint", ex.Message);
        Assert.Equal(metrics, File.ReadAllText(done.Directory.Metrics));
        Assert.Equal(RunStatus.Completed, Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true, Force = true }).Status);
    }

    [Fact]
    public void A_row_torn_by_a_kill_is_not_counted_as_results_reached()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(Spec(), temp.Path);
        File.Delete(Path.Combine(Runner.LatestCheckpoint(done.Directory)!, RunState.FileName));
        File.AppendAllText(done.Directory.Metrics, "6"); // the start of a row for update 60, cut by a kill
        var ex = Assert.Throws<InvalidDataException>(() => Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("has results up to update 40 but no complete checkpoint", ex.Message);
    }

    [Fact]
    public void A_damaged_metrics_table_without_a_checkpoint_says_how_to_start_over()
    {
        using var temp = new TempDirectory();
        var done = Runner.Run(Spec(), temp.Path);
        File.Delete(Path.Combine(Runner.LatestCheckpoint(done.Directory)!, RunState.FileName));
        File.AppendAllText(done.Directory.Metrics, "60,oops\n");
        var ex = Assert.Throws<InvalidDataException>(() => Runner.Run(Spec(), temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("--force", ex.Message);
        Assert.Contains("metrics.csv", ex.Message);
    }

    [Fact]
    public void A_resume_on_another_compute_path_says_the_continuation_is_not_bit_identical()
    {
        using var temp = new TempDirectory();
        var dir = new RunDirectory(temp.Path);
        Runner.Run(Spec(20), dir.Root);
        var recorded = JsonDocument.Parse(File.ReadAllText(dir.Environment)).RootElement.GetProperty("compute_path").GetString();
        Assert.Contains("gemm ", recorded);
        var quiet = new List<string>();
        Runner.Run(Spec(30), dir.Root, new RunOptions { Resume = true, Notice = quiet.Add });
        Assert.Empty(quiet);

        File.WriteAllText(dir.Environment, File.ReadAllText(dir.Environment).Replace(recorded!, "gemm Portable, vector512 False", StringComparison.Ordinal));
        var notices = new List<string>();
        Runner.Run(Spec(40), dir.Root, new RunOptions { Resume = true, Notice = notices.Add });
        Assert.Contains(notices, n => n.Contains("not bit-identical", StringComparison.Ordinal) && n.Contains("gemm Portable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_directory_copied_elsewhere_resumes_there_bit_identically()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(Spec(40), temp.Sub("straight"));
        Runner.Run(Spec(20), temp.Sub("a"));
        CopyTree(temp.Sub("a"), temp.Sub("b"));
        Directory.Delete(temp.Sub("a"), recursive: true);
        var resumed = Runner.Run(Spec(40), temp.Sub("b"), new RunOptions { Resume = true });
        Assert.Equal(File.ReadAllText(straight.Directory.Metrics), File.ReadAllText(resumed.Directory.Metrics));
        Assert.Equal(File.ReadAllText(straight.Directory.ProbeLines), File.ReadAllText(resumed.Directory.ProbeLines));
    }

    [Fact]
    public void A_run_directory_under_a_file_is_a_clear_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("file"), "x");
        var ex = Assert.Throws<ArgumentException>(() => Runner.Run(Spec(), Path.Combine(temp.Sub("file"), "run")));
        Assert.Contains("is a file, so no directory can be made under it", ex.Message);
    }

    // The index of the file operation that writes checkpoint/name in a plain run into dir (counted on a twin run).
    private static long OperationIndex(RunDirectory dir, string checkpoint, string name)
    {
        string twin = dir.Root + "-twin";
        var counter = new FileFaults { SkipDiskFlush = true };
        using (FileFaults.Install(counter)) Runner.Run(Spec(), twin);
        Directory.Delete(twin, recursive: true);
        return counter.Log.FindIndex(e => e.Operation == FileOperation.Write && e.Path.Contains(checkpoint, StringComparison.Ordinal)
                                           && Path.GetFileName(e.Path).Contains(name, StringComparison.Ordinal));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var sub in Directory.GetDirectories(from)) CopyTree(sub, Path.Combine(to, Path.GetFileName(sub)));
    }
}
