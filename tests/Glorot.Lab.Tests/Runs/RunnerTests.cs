using System.Globalization;
using Glorot.Lab.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Runs;

public sealed class RunnerTests
{
    [Fact]
    public void A_run_writes_spec_metrics_probes_histograms_summary_and_its_final_checkpoint()
    {
        using var temp = new TempDirectory();
        var spec = TinySpecs.Tanh();
        var result = Runner.Run(spec, temp.Path);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(60, result.Steps);
        var dir = new RunDirectory(temp.Path);
        Assert.Equal(RunSpecJson.Serialize(spec), File.ReadAllText(dir.Spec));
        Assert.True(File.Exists(dir.Summary));

        var metrics = File.ReadAllLines(dir.Metrics);
        Assert.Equal(string.Join(",", Runner.MetricsColumns), metrics[0]);
        Assert.Equal(["0", "20", "40", "60"], metrics.Skip(1).Select(l => l.Split(',')[0]));
        var final = metrics[^1].Split(',');
        double testError = double.Parse(final[7], CultureInfo.InvariantCulture);
        Assert.InRange(testError, 0, 1);
        Assert.Equal(testError, result.FinalTestError);

        // Probes at 0, 30, 60: input and output gradient (layer 0), then two hidden layers × four quantities.
        var probes = File.ReadAllLines(dir.Probes);
        Assert.Equal(string.Join(",", Runner.ProbeColumns), probes[0]);
        Assert.Equal(3 * (2 + 2 * 4), probes.Length - 1);
        Assert.Equal(["0", "30", "60"], probes.Skip(1).Select(l => l.Split(',')[0]).Distinct());
        // Activation count = probe examples × width; weight-gradient count = per-example gradients × weights.
        Assert.Contains(probes, l => l.StartsWith("0,1,activation,320,", StringComparison.Ordinal));
        Assert.Contains(probes, l => l.StartsWith("0,2,weight_gradient," + (5 * 16 * 16).ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
        var histograms = File.ReadAllLines(dir.Histograms);
        Assert.Equal(string.Join(",", Runner.HistogramColumns), histograms[0]);
        Assert.Equal(3 * (2 + 2 * 4) * 10, histograms.Length - 1);
        Assert.Equal(3, File.ReadAllLines(dir.ProbeLines).Length);

        var checkpoint = Runner.LatestCheckpoint(dir);
        Assert.NotNull(checkpoint);
        Assert.EndsWith("step-000000060", checkpoint);
        Assert.Single(Directory.GetDirectories(dir.Checkpoints));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_bits_as_running_straight_through()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(TinySpecs.Tanh(60), temp.Sub("straight"));
        // Stop at update 37 (between the scheduled checkpoints at 25 and 50: cancelling writes one), then resume.
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(p => { if (p.Step == 37) cts.Cancel(); });
        var stopped = Runner.Run(TinySpecs.Tanh(60), temp.Sub("stopped"), new RunOptions { Progress = progress, Cancellation = cts.Token });
        Assert.Equal(RunStatus.Cancelled, stopped.Status);
        Assert.InRange(stopped.Steps, 37, 59);
        var resumed = Runner.Run(TinySpecs.Tanh(60), temp.Sub("stopped"), new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, resumed.Status);

        var a = MlpCheckpoint.Load(Runner.LatestCheckpoint(straight.Directory)!);
        var b = MlpCheckpoint.Load(Runner.LatestCheckpoint(resumed.Directory)!);
        Assert.True(a.CopyParameters().SequenceEqual(b.CopyParameters()), "weights differ after resume");
        foreach (var file in new[] { "metrics.csv", "probe_summary.csv", "probe_histograms.csv", "probes.jsonl", "spec.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(straight.Directory.Root, file)), File.ReadAllText(Path.Combine(resumed.Directory.Root, file)));
        // The conditions are in what was compared, and after the resume they agree with the weights the resumed run ended with.
        var last = Glorot.Probes.ProbeJson.ReadLines(resumed.Directory.ProbeLines)[^1];
        Assert.Equal(60, last.Step);
        for (int l = 0; l < last.Layers.Count; l++)
            Assert.Equal(b.FanIn(l) * Glorot.Probes.LayerConditions.WeightVariance(b, l), last.Layers[l].FanInWeightVariance);
        var rows = Glorot.Lab.Runs.RunTables.Probes(resumed.Directory).Where(r => r.Quantity == "activation").ToList();
        Assert.All(rows, r => Assert.NotNull(r.FanInWeightVariance));
        Assert.Equal([0L, 30, 60], rows.Where(r => r.Layer == 1).Select(r => r.Step));
    }

    [Fact]
    public void Resuming_with_more_updates_continues_a_finished_run_bit_identically()
    {
        using var temp = new TempDirectory();
        var straight = Runner.Run(TinySpecs.Tanh(50) with { CheckpointEvery = 1000 }, temp.Sub("a"));
        Runner.Run(TinySpecs.Tanh(25) with { CheckpointEvery = 1000 }, temp.Sub("b"));
        var resumed = Runner.Run(TinySpecs.Tanh(50) with { CheckpointEvery = 1000 }, temp.Sub("b"), new RunOptions { Resume = true });
        Assert.Equal(50, resumed.Steps);
        var a = MlpCheckpoint.Load(Runner.LatestCheckpoint(straight.Directory)!);
        var b = MlpCheckpoint.Load(Runner.LatestCheckpoint(resumed.Directory)!);
        Assert.True(a.CopyParameters().SequenceEqual(b.CopyParameters()));
    }

    [Fact]
    public void Resuming_with_a_different_spec_is_refused()
    {
        using var temp = new TempDirectory();
        Runner.Run(TinySpecs.Tanh(20), temp.Path);
        var ex = Assert.Throws<ArgumentException>(() =>
            Runner.Run(TinySpecs.Tanh(20) with { LearningRate = 0.1 }, temp.Path, new RunOptions { Resume = true }));
        Assert.Contains("another spec", ex.Message);
    }

    [Fact]
    public void A_diverging_run_reports_the_failing_update_and_keeps_the_last_good_checkpoint()
    {
        using var temp = new TempDirectory();
        // A rate of 1e30 makes the weights overflow float within a few updates.
        var spec = TinySpecs.Tanh(200) with { LearningRate = 1e30, CheckpointEvery = 1 };
        var result = Runner.Run(spec, temp.Path);

        Assert.Equal(RunStatus.Diverged, result.Status);
        Assert.NotNull(result.Divergence);
        Assert.True(result.Divergence!.FailedUpdate is > 0 and < 200);
        Assert.True(File.Exists(result.Directory.Divergence));
        string checkpoint = Runner.LatestCheckpoint(result.Directory)!;
        Assert.EndsWith("step-" + result.Divergence.LastCheckpointStep!.Value.ToString("D9", CultureInfo.InvariantCulture), checkpoint);
        Assert.True(result.Divergence.LastCheckpointStep < result.Divergence.FailedUpdate);
        var weights = MlpCheckpoint.Load(checkpoint);
        foreach (float w in weights.CopyParameters()) Assert.True(float.IsFinite(w), "the kept checkpoint holds non-finite weights");
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
