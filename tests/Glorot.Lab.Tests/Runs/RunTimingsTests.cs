using System.Text.Json;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunTimingsTests
{
    // The tiny spec: 60 updates; evaluations at 0, 20, 40, 60; probes at 0, 30, 60; checkpoints at 0, 25, 50, 60.
    private static RunSpec Spec => TinySpecs.Tanh(60) with { JacobianExamples = 2 };

    [Fact]
    public void Every_run_writes_timings_csv_whose_phases_count_what_ran_and_sum_to_the_run_s_wall_time()
    {
        using var temp = new TempDirectory();
        var result = Runner.Run(Spec, temp.Path);
        var rows = RunTimings.ReadTable(result.Directory.Timings).ToDictionary(r => r.Phase, r => r.Time);

        Assert.Equal(Enum.GetValues<RunPhase>().Select(RunTimings.Name), rows.Keys);
        Assert.Equal(60, rows["training"].Count);
        Assert.Equal(60, rows["data"].Count);
        Assert.Equal(4, rows["evaluating"].Count);
        Assert.Equal(2, rows["probing"].Count); // 30 and 60; the probe at 0 measures the Jacobians too
        Assert.Equal(1, rows["jacobians"].Count);
        Assert.Equal(4, rows["checkpoint"].Count);
        Assert.All(rows.Values, t => Assert.True(t.Seconds > 0, "a phase that ran took no time"));
        // The phases are disjoint parts of the run's clock: their sum cannot exceed run.json's seconds, and the loop's
        // own work between them (divergence checks, progress reports) is a small part of it.
        double sum = rows.Values.Sum(t => t.Seconds);
        Assert.InRange(sum, 0.7 * result.Seconds, result.Seconds);
    }

    [Fact]
    public void A_resumed_run_continues_the_sums_from_its_checkpoint()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(Spec, temp.Sub("straight"));
        Runner.Run(Spec, temp.Sub("paused"), new RunOptions { StopAt = 30 });
        var paused = RunTimings.ReadTable(Path.Combine(temp.Sub("paused"), "timings.csv")).ToDictionary(r => r.Phase, r => r.Time);
        Assert.Equal(30, paused["training"].Count);

        var resumed = Runner.Run(Spec, temp.Sub("paused"), new RunOptions { Resume = true });
        var counts = RunTimings.ReadTable(resumed.Directory.Timings).Select(r => (r.Phase, r.Time.Count));
        // The pause's own checkpoint at 30 is not in the state it saves, so the counts are the straight run's.
        Assert.Equal(RunTimings.ReadTable(straight.Directory.Timings).Select(r => (r.Phase, r.Time.Count)), counts);
        var training = RunTimings.ReadTable(resumed.Directory.Timings).Single(r => r.Phase == "training").Time;
        Assert.True(training.Seconds > paused["training"].Seconds, "the resumed run's training time did not add to the paused one's");
    }

    [Fact]
    public void Starting_over_with_force_starts_the_sums_over()
    {
        using var temp = new TempDirectory();
        Runner.Run(Spec, temp.Path);
        var again = Runner.Run(Spec with { Updates = 20 }, temp.Path, new RunOptions { Force = true });
        Assert.Equal(20, RunTimings.ReadTable(again.Directory.Timings).Single(r => r.Phase == "training").Time.Count);
    }

    [Fact]
    public void Phases_are_reported_in_order_each_followed_by_training_at_the_same_step()
    {
        using var temp = new TempDirectory();
        var heard = new List<RunProgress>();
        Runner.Run(Spec, temp.Path, new RunOptions { Progress = new SyncProgress<RunProgress>(heard.Add) });

        var phases = heard.Where(p => p.Phase != RunPhase.Training).Select(p => (p.Phase, p.Step)).ToList();
        Assert.Equal(
        [
            (RunPhase.Evaluating, 0L), (RunPhase.Jacobians, 0L), (RunPhase.Checkpoint, 0L),
            (RunPhase.Evaluating, 20L), (RunPhase.Checkpoint, 25L), (RunPhase.Probing, 30L), (RunPhase.Evaluating, 40L),
            (RunPhase.Checkpoint, 50L), (RunPhase.Evaluating, 60L), (RunPhase.Probing, 60L), (RunPhase.Checkpoint, 60L),
        ], phases);
        for (int i = 0; i < heard.Count; i++)
            if (heard[i].Phase != RunPhase.Training)
                Assert.Equal((RunPhase.Training, heard[i].Step), (heard[i + 1].Phase, heard[i + 1].Step));
    }

    [Fact]
    public void A_snapshot_round_trips_through_json_and_unknown_or_negative_phases_are_refused()
    {
        var timings = new RunTimings();
        timings.Add(RunPhase.Probing, 1.5, 3);
        var json = JsonSerializer.Serialize(timings.Snapshot());
        var back = RunTimings.From(JsonSerializer.Deserialize<Dictionary<string, PhaseTime>>(json));
        Assert.Equal(new PhaseTime(1.5, 3), back[RunPhase.Probing]);
        Assert.Equal(new PhaseTime(0, 0), RunTimings.From(null)[RunPhase.Training]);
        Assert.Throws<InvalidDataException>(() => RunTimings.From(new Dictionary<string, PhaseTime> { ["sleeping"] = new(1, 1) }));
        Assert.Throws<InvalidDataException>(() => RunTimings.From(new Dictionary<string, PhaseTime> { ["data"] = new(-1, 1) }));
    }

    [Fact]
    public void A_timings_table_with_a_bad_row_is_refused_with_its_path_and_row()
    {
        using var temp = new TempDirectory();
        string path = temp.Sub("timings.csv");
        File.WriteAllText(path, "phase,seconds,count\ntraining,abc,3\n");
        var error = Assert.Throws<InvalidDataException>(() => RunTimings.ReadTable(path));
        Assert.Contains("training,abc,3", error.Message);
        File.WriteAllText(path, "step,seconds\n");
        Assert.Contains("header", Assert.Throws<InvalidDataException>(() => RunTimings.ReadTable(path)).Message);
        File.WriteAllText(path, "phase,seconds,count\ntraining,-1,3\n");
        Assert.Contains("training,-1,3", Assert.Throws<InvalidDataException>(() => RunTimings.ReadTable(path)).Message);
        File.WriteAllText(path, "phase,seconds,count\ntraining,1,-3\n");
        Assert.Contains("training,1,-3", Assert.Throws<InvalidDataException>(() => RunTimings.ReadTable(path)).Message);
    }
}
