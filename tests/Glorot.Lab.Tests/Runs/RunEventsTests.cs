using System.Globalization;
using Glorot.Lab.Runs;
using Glorot.Lab.TensorBoard;
using Glorot.Lab.TensorBoard.Proto;
using Glorot.Lab.Tests.TensorBoard;
using Glorot.Nn;
using Glorot.Probes;
using Google.Protobuf;
using Histogram = Glorot.Probes.Histogram;
using Summary = Glorot.Lab.TensorBoard.Proto.Summary;

namespace Glorot.Lab.Tests.Runs;

/// <summary>The event file of a run, read back with Google.Protobuf and checked against metrics.csv and probes.jsonl.</summary>
public sealed class RunEventsTests
{
    private static RunSpec Spec(long updates = 60) => TinySpecs.Tanh(updates);

    // (step, tag) → the value TensorBoard shows; an Assert.Fail when a tag appears twice at a step.
    private static Dictionary<(long Step, string Tag), Summary.Types.Value> Values(string path)
    {
        var events = TfRecordReader.Events(path);
        Assert.Equal(EventFile.FileVersion, events[0].FileVersion);
        var values = new Dictionary<(long, string), Summary.Types.Value>();
        foreach (var e in events.Skip(1))
        {
            Assert.Equal(Event.WhatOneofCase.Summary, e.WhatCase);
            foreach (var v in e.Summary.Value)
                if (!values.TryAdd((e.Step, v.Tag), v)) Assert.Fail($"{v.Tag} appears twice at step {e.Step}");
        }
        return values;
    }

    [Fact]
    public void Every_metrics_row_is_a_set_of_scalars_at_its_step()
    {
        using var temp = new TempDirectory();
        var run = Runner.Run(Spec(), temp.Path);
        var values = Values(run.Directory.Events);
        var lines = File.ReadAllLines(run.Directory.Metrics);
        var columns = lines[0].Split(',');
        int rows = 0;
        foreach (var line in lines.Skip(1))
        {
            var cells = columns.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second);
            long step = long.Parse(cells["step"], CultureInfo.InvariantCulture);
            foreach (var (column, tag) in new[] { ("train_loss", "loss/train"), ("train_error", "error/train"), ("validation_loss", "loss/validation"),
                ("validation_error", "error/validation"), ("test_loss", "loss/test"), ("test_error", "error/test") })
            {
                if (cells[column] == "") { Assert.False(values.ContainsKey((step, tag)), $"{tag} at step {step} has no metrics value"); continue; }
                Assert.Equal((float)double.Parse(cells[column], CultureInfo.InvariantCulture), values[(step, tag)].SimpleValue);
            }
            rows++;
        }
        Assert.Equal(4, rows); // steps 0, 20, 40, 60
    }

    [Fact]
    public void Every_probe_is_per_layer_scalars_and_histograms_with_the_probe_bins()
    {
        using var temp = new TempDirectory();
        var spec = Spec();
        var run = Runner.Run(spec, temp.Path);
        var values = Values(run.Directory.Events);
        var records = ProbeJson.ReadLines(run.Directory.ProbeLines);
        Assert.Equal([0L, 30, 60], records.Select(r => r.Step));
        foreach (var r in records)
            foreach (var l in r.Layers)
            {
                string layer = $"layer_{l.Layer}";
                Assert.Equal((float)l.Activations.Std, values[(r.Step, $"activation_std/{layer}")].SimpleValue);
                Assert.Equal((float)l.BackpropGradients.Std, values[(r.Step, $"backprop_gradient_std/{layer}")].SimpleValue);
                Assert.Equal((float)l.WeightGradients!.Std, values[(r.Step, $"weight_gradient_std/{layer}")].SimpleValue);
                Assert.Equal(FractionBeyond(l.Activations.Histogram, 0.9), values[(r.Step, $"saturation/{layer}")].SimpleValue, 5e-7);
                // Every probe, not only at initialization: the conditions and ratios as the record gives them.
                Assert.Equal((float)l.FanInWeightVariance, values[(r.Step, $"n_in_var_w/{layer}")].SimpleValue);
                Assert.Equal((float)l.FanOutWeightVariance, values[(r.Step, $"n_out_var_w/{layer}")].SimpleValue);
                int i = l.Layer - 1;
                if (i > 0) Assert.Equal((float)LayerConditions.ActivationVarianceRatio(r, i)!.Value, values[(r.Step, $"activation_var_ratio/{layer}")].SimpleValue);
                else Assert.False(values.ContainsKey((r.Step, $"activation_var_ratio/{layer}")));
                if (i < r.Layers.Count - 1) Assert.Equal((float)LayerConditions.GradientVarianceRatio(r, i)!.Value, values[(r.Step, $"gradient_var_ratio/{layer}")].SimpleValue);
                else Assert.False(values.ContainsKey((r.Step, $"gradient_var_ratio/{layer}")));
                foreach (var (quantity, summary) in new[] { ("pre_activation", l.PreActivations), ("activation", l.Activations),
                    ("backprop_gradient", l.BackpropGradients), ("weight_gradient", l.WeightGradients) })
                    AssertHistogram(summary, values[(r.Step, $"{quantity}/{layer}")].Histo);
            }
    }

    [Fact]
    public void N_var_w_at_initialization_is_fan_in_times_the_variance_of_the_initial_weights()
    {
        using var temp = new TempDirectory();
        var spec = Spec();
        var run = Runner.Run(spec, temp.Path);
        var values = Values(run.Directory.Events);
        var data = new RunData(spec);
        var mlp = new Mlp(data.InputSize, spec.Hidden, data.Classes, spec.Activation);
        mlp.Initialize(Runner.InitialWeights(spec, mlp.LayerCount), spec.Seed);
        string[] tags = ["n_var_w/layer_1", "n_var_w/layer_2", "n_var_w/output"];
        for (int d = 0; d < mlp.LayerCount; d++)
        {
            var w = mlp.CopyWeight(d);
            double mean = w.Average(x => (double)x);
            double variance = w.Sum(x => (x - mean) * (x - mean)) / w.Length;
            Assert.Equal((float)(mlp.FanIn(d) * variance), values[(0, tags[d])].SimpleValue, 1e-6);
        }
        // The record's conditions under their own tags, hidden layers only.
        for (int d = 0; d < mlp.LayerCount - 1; d++)
        {
            var w = mlp.CopyWeight(d);
            double mean = w.Average(x => (double)x);
            double variance = w.Sum(x => (x - mean) * (x - mean)) / w.Length;
            Assert.Equal((float)(mlp.FanIn(d) * variance), values[(0, $"n_in_var_w/layer_{d + 1}")].SimpleValue, 1e-6);
            Assert.Equal((float)(mlp.FanOut(d) * variance), values[(0, $"n_out_var_w/layer_{d + 1}")].SimpleValue, 1e-6);
        }
        Assert.False(values.ContainsKey((0, "n_in_var_w/output")));
        // Xavier uniform (Glorot & Bengio 2010 eq. 16): n_in·Var(W) = n_in·2/(n_in + n_out) exactly in expectation.
        Assert.Equal(2.0 * 16 / (16 + 16), values[(0, "n_var_w/layer_2")].SimpleValue, 0.25);
    }

    [Fact]
    public void Tensorboard_off_writes_no_event_file()
    {
        using var temp = new TempDirectory();
        var run = Runner.Run(Spec(), temp.Path, new RunOptions { TensorBoard = false });
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.False(Directory.Exists(run.Directory.TensorBoard));
    }

    [Fact]
    public void A_resume_cuts_the_event_file_back_to_the_checkpoint_so_no_step_appears_twice()
    {
        using var temp = new TempDirectory();
        var whole = Runner.Run(Spec(), temp.Sub("whole"));
        var paused = Runner.Run(Spec(), temp.Sub("resumed"), new RunOptions { StopAt = 50 });
        Assert.Equal(RunStatus.Paused, paused.Status);
        // A kill after the checkpoint at 50: an event of update 55 and half of another were written past it.
        using (var file = new FileStream(paused.Directory.Events, FileMode.Append))
        {
            var extra = new MemoryStream();
            TfRecord.Write(extra, RunEvents.Metrics(55, 1, 1, 1, 1, 1, 1).ToByteArray());
            file.Write(extra.ToArray());
            file.Write(extra.ToArray().AsSpan(0, 20));
        }
        var resumed = Runner.Run(Spec(), paused.Directory.Root, new RunOptions { Resume = true });
        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal(Shown(whole.Directory.Events), Shown(resumed.Directory.Events));
    }

    [Fact]
    public void A_resume_with_tensorboard_turned_on_starts_the_file_after_the_checkpoint()
    {
        using var temp = new TempDirectory();
        var paused = Runner.Run(Spec(), temp.Path, new RunOptions { StopAt = 50, TensorBoard = false });
        var resumed = Runner.Run(Spec(), paused.Directory.Root, new RunOptions { Resume = true });
        var steps = TfRecordReader.Events(resumed.Directory.Events).Skip(1).Select(e => e.Step).Distinct().ToList();
        Assert.Equal([60L], steps);
    }

    // What TensorBoard shows: every (step, tag, value) in file order, without wall times.
    private static List<string> Shown(string path) =>
        [.. TfRecordReader.Events(path).Skip(1).SelectMany(e => e.Summary.Value.Select(v => $"{e.Step} {v.Tag} {v.SimpleValue:R} {v.Histo}"))];

    private static void AssertHistogram(Glorot.Probes.Summary summary, HistogramProto proto)
    {
        var h = summary.Histogram;
        Assert.Equal(0, h.Below + h.Above); // the probe's ranges hold every value here, so the buckets are the bins
        Assert.Equal(h.Counts.Select(c => (double)c), proto.Bucket);
        Assert.Equal(Enumerable.Range(1, h.BinCount).Select(h.Edge), proto.BucketLimit);
        Assert.Equal(summary.Min, proto.Min);
        Assert.Equal(summary.Max, proto.Max);
        Assert.Equal(summary.Count, proto.Num);
        Assert.Equal(summary.Mean * summary.Count, proto.Sum, 1e-9 * Math.Max(1, Math.Abs(proto.Sum)));
        Assert.Equal((summary.Std * summary.Std + summary.Mean * summary.Mean) * summary.Count, proto.SumSquares, 1e-9 * Math.Max(1, proto.SumSquares));
    }

    // The fraction of in-range values beyond ±threshold, a bin cut by it counted in proportion to the part beyond.
    private static double FractionBeyond(Histogram h, double threshold)
    {
        double beyond = 0;
        for (int i = 0; i < h.BinCount; i++)
        {
            double left = h.Edge(i), right = h.Edge(i + 1), width = right - left;
            double outside = Math.Max(0, right - Math.Max(left, threshold)) + Math.Max(0, Math.Min(right, -threshold) - left);
            beyond += h.Counts[i] * Math.Min(1, outside / width);
        }
        return beyond / h.InRange;
    }
}
