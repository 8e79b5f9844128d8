using Glorot.Lab.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunnerStopAtTests
{
    [Fact]
    public void Stopping_at_an_update_pauses_there_with_a_checkpoint_and_resuming_gives_the_straight_through_bits()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(TinySpecs.Tanh(60), temp.Sub("straight"));
        // 40 is not a scheduled checkpoint (every 25): the pause must write its own.
        var paused = Runner.Run(TinySpecs.Tanh(60), temp.Sub("paused"), new RunOptions { StopAt = 40 });
        Assert.Equal(RunStatus.Paused, paused.Status);
        Assert.Equal(40, paused.Steps);
        Assert.EndsWith("step-000000040", Runner.LatestCheckpoint(paused.Directory));
        Assert.Contains("\"status\": \"paused\"", File.ReadAllText(paused.Directory.Summary));
        Assert.Contains("\n40,", File.ReadAllText(paused.Directory.Metrics)); // evaluated at the pause (40 = 2 × evaluate_every)

        var resumed = Runner.Run(TinySpecs.Tanh(60), temp.Sub("paused"), new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, resumed.Status);
        var a = MlpCheckpoint.Load(Runner.LatestCheckpoint(straight.Directory)!);
        var b = MlpCheckpoint.Load(Runner.LatestCheckpoint(resumed.Directory)!);
        Assert.True(a.CopyParameters().SequenceEqual(b.CopyParameters()), "weights differ after the pause");
        foreach (var file in new[] { "metrics.csv", "probe_summary.csv", "probe_histograms.csv", "probes.jsonl", "spec.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(straight.Directory.Root, file)), File.ReadAllText(Path.Combine(resumed.Directory.Root, file)));
    }

    [Fact]
    public void Resuming_a_paused_run_with_the_same_stop_trains_nothing()
    {
        using var temp = new TempDirectory();
        Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { StopAt = 40 });
        string metrics = File.ReadAllText(Path.Combine(temp.Path, "metrics.csv"));
        var again = Runner.Run(TinySpecs.Tanh(60), temp.Path, new RunOptions { StopAt = 40, Resume = true });
        Assert.Equal(RunStatus.Paused, again.Status);
        Assert.Equal(40, again.Steps);
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(temp.Path, "metrics.csv")));
    }

    [Fact]
    public void A_stop_beyond_the_planned_updates_completes_the_run()
    {
        using var temp = new TempDirectory();
        var result = Runner.Run(TinySpecs.Tanh(30), temp.Path, new RunOptions { StopAt = 1_000 });
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(30, result.Steps);
    }
}
