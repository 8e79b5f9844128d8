using Glorot.Data;
using Glorot.Nn;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Tests.Probes;

public class NetworkProbeTests
{
    private static (float[] X, int[] Y) Gaussian(int rows, int inputs, int classes, ulong seed)
    {
        var random = new RandomStream(seed, 5);
        var x = new float[rows * inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextGaussian();
        var y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = random.NextInt(classes);
        return (x, y);
    }

    private static (float[] X, int[] Y) ShapesetProbe(int n)
    {
        var test = Shapeset.Test();
        var x = new float[n * test.InputSize];
        var y = new int[n];
        test.Fill([.. Enumerable.Range(0, n).Select(i => (long)i)], x, y);
        return (x, y);
    }

    [Fact]
    public void Probing_changes_no_weight_even_after_training_steps()
    {
        var mlp = new Mlp([6, 8, 7, 3], Activation.Tanh, WeightFills.Normalized, seed: 1);
        var (x, y) = Gaussian(10, 6, 3, 1);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.1f }, 10);
        trainer.Step(x, y);   // leaves the packed weights newer than the row-major copy
        float[] before = mlp.CopyParameters();
        var record = NetworkProbe.Measure(trainer, x, y, new ProbeOptions { JacobianExamples = 2 });
        Assert.Equal(before, mlp.CopyParameters());
        Assert.Equal(1, record.Step);
        // The next step is unaffected: the same loss as a twin network that was never probed.
        var twin = new Mlp([6, 8, 7, 3], Activation.Tanh, WeightFills.Normalized, seed: 1);
        var twinTrainer = new SgdTrainer(twin, new SgdOptions { LearningRate = 0.1f }, 10);
        twinTrainer.Step(x, y);
        Assert.Equal(twinTrainer.Step(x, y), trainer.Step(x, y));
    }

    [Fact]
    public void Records_are_identical_for_every_thread_count()
    {
        // The probe inherits the caller's thread count (Threads = 0): a Compute.Use scope must change nothing
        // but the speed, histograms and percentiles included.
        using var machine = Glorot.Kernels.ComputePool.AssumeProcessors(16); // 8 threads at once, even on 2 cores
        var mlp = new Mlp([64, 300, 300, 10], Activation.Tanh, WeightFills.Normalized, seed: 4);
        var (x, y) = Gaussian(120, 64, 10, 4);
        var options = new ProbeOptions { ChunkSize = 60, WeightGradientBatches = 2, Bins = 30 };
        string Measure(int threads)
        {
            using var scope = Compute.Use(threads);
            return ProbeJson.Serialize(new NetworkProbe(mlp, options).Measure(x, y));
        }
        var one = Measure(1);
        foreach (var threads in new[] { 2, 3, 4, 8 }) Assert.Equal(one, Measure(threads));
    }

    [Fact]
    public void A_probe_kept_between_measurements_of_any_size_gives_the_records_of_fresh_ones_on_any_thread_count()
    {
        // A probe keeps its s, z, dL/ds buffers between calls and spreads its statistics over its threads, the
        // weight-gradient rows in ranges of examples (25 here: three ranges per layer): none of it may show.
        using var machine = Glorot.Kernels.ComputePool.AssumeProcessors(16);
        var mlp = new Mlp([48, 200, 150, 7], Activation.Tanh, WeightFills.Standard, seed: 6);
        var (x, y) = Gaussian(90, 48, 7, 6);
        var options = new ProbeOptions { ChunkSize = 40, WeightGradientBatches = 25, Bins = 40 };
        string Fresh(int n)
        {
            using var one = Compute.Use(1);
            return ProbeJson.Serialize(new NetworkProbe(mlp, options).Measure(x.AsSpan(0, n * 48), y.AsSpan(0, n)));
        }
        string all = Fresh(90), some = Fresh(33);
        foreach (var threads in new[] { 1, 2, 3, 8 })
        {
            using var scope = Compute.Use(threads);
            var kept = new NetworkProbe(mlp, options);
            Assert.Equal(all, ProbeJson.Serialize(kept.Measure(x, y)));
            Assert.Equal(some, ProbeJson.Serialize(kept.Measure(x.AsSpan(0, 33 * 48), y.AsSpan(0, 33))));
            Assert.Equal(all, ProbeJson.Serialize(kept.Measure(x, y)));
        }
    }

    [Fact]
    public void Summaries_are_those_of_the_values_the_trainer_computes_whatever_the_chunk_size()
    {
        var mlp = new Mlp([6, 9, 8, 4], Activation.Softsign, WeightFills.Normalized, seed: 2);
        var (x, y) = Gaussian(23, 6, 4, 2);
        var reference = new NetworkPass(mlp, 23);
        double loss = reference.ComputeGradients(x, y);
        var small = new NetworkProbe(mlp, new ProbeOptions { ChunkSize = 5, Bins = 10 }).Measure(x, y);
        var large = new NetworkProbe(mlp, new ProbeOptions { ChunkSize = 100, Bins = 10 }).Measure(x, y);
        Assert.Equal(loss, small.Loss, 6);
        Assert.Equal(loss, large.Loss, 6);
        for (int l = 0; l < 2; l++)
        {
            var z = reference.Outputs(l).ToArray();
            var ds = reference.PreActivationGradients(l).ToArray();
            foreach (var r in new[] { small, large })
            {
                var layer = r.Layers[l];
                Assert.Equal(l + 1, layer.Layer);
                Assert.Equal(z.Length, layer.Activations.Count);
                Assert.Equal(Support.Statistics.Moments(z).Variance, layer.Activations.Std * layer.Activations.Std, 6);
                Assert.Equal(Percentiles.Of(z, 99), layer.Activations.P99, 5);
                Assert.Equal(Support.Statistics.Moments(ds).Variance, layer.BackpropGradients.Std * layer.BackpropGradients.Std, 8);
                Assert.Equal(z.Length, layer.Activations.Histogram.Total);
                Assert.Equal(-1, layer.Activations.Histogram.Low);   // softsign's fixed range
            }
        }
        Assert.Equal(2, small.Layers.Count);
    }

    [Fact]
    public void Activation_abs_p98_is_the_98th_percentile_of_the_magnitudes_the_trainer_computes()
    {
        var mlp = new Mlp([6, 40, 30, 4], Activation.Tanh, WeightFills.Normalized, seed: 8);
        var (x, y) = Gaussian(50, 6, 4, 8);
        // Large inputs push tanh toward ±1, so the magnitudes' upper tail is not the values' upper tail.
        for (int i = 0; i < x.Length; i++) x[i] *= 3;
        var reference = new NetworkPass(mlp, 50);
        reference.ComputeGradients(x, y);
        var record = new NetworkProbe(mlp, new ProbeOptions { ChunkSize = 7 }).Measure(x, y);
        for (int l = 0; l < 2; l++)
        {
            float[] magnitudes = [.. reference.Outputs(l).ToArray().Select(MathF.Abs)];
            double p98 = record.Layers[l].ActivationAbsP98;
            Assert.Equal(Percentiles.Of(magnitudes, 98), p98, 6);
            // Definition (type 7 on n values): at most 2 % + 1/n of the magnitudes lie above it.
            double above = magnitudes.Count(m => m > p98) / (double)magnitudes.Length;
            Assert.InRange(above, 0, 0.02 + 1.0 / magnitudes.Length);
            Assert.InRange(magnitudes.Count(m => m >= p98) / (double)magnitudes.Length, 0.02 - 1.0 / magnitudes.Length, 1);
        }
    }

    [Fact]
    public void Per_example_weight_gradients_are_outer_products_of_dL_ds_and_the_layer_input()
    {
        var mlp = new Mlp([5, 6, 4, 3], Activation.Tanh, WeightFills.Normalized, seed: 3);
        var (x, y) = Gaussian(8, 5, 3, 3);
        var record = new NetworkProbe(mlp, new ProbeOptions { WeightGradientBatches = 8 }).Measure(x, y);
        var trainer = new NetworkPass(mlp, 8);
        trainer.ComputeGradients(x, y);
        var ds = trainer.PreActivationGradients(1).ToArray();
        var z = trainer.Outputs(0).ToArray();
        var products = new List<float>();
        for (int b = 0; b < 8; b++)
            for (int o = 0; o < 4; o++)
                for (int i = 0; i < 6; i++) products.Add(ds[b * 4 + o] * z[b * 6 + i]);
        var w = record.Layers[1].WeightGradients!;
        Assert.Equal(products.Count, w.Count);
        var (mean, variance) = Support.Statistics.Moments(products.ToArray());
        Assert.Equal(mean, w.Mean, 7);
        Assert.Equal(Math.Sqrt(variance), w.Std, 6);
        Assert.Equal(products.Max(), w.Max, 6);
        // Percentiles from the sketch: within its stated relative error of the exact ones.
        Assert.True(Math.Abs(w.P99 - Percentiles.Of(products.ToArray(), 99)) <= 0.05 * Math.Abs(w.P99) + 1e-7);
        Assert.Equal(products.Count, w.Histogram.InRange);   // the range max|δ|·max|z| holds every product
    }

    [Fact]
    public void Batched_weight_gradients_are_the_trainers_minibatch_gradients()
    {
        var mlp = new Mlp([5, 6, 4, 3], Activation.Sigmoid, WeightFills.Normalized, seed: 8);
        var (x, y) = Gaussian(8, 5, 3, 8);
        var record = new NetworkProbe(mlp, new ProbeOptions { WeightGradientBatchSize = 2, WeightGradientBatches = 3 }).Measure(x, y);
        var trainer = new NetworkPass(mlp, 2);
        var all = new List<float>();
        for (int k = 0; k < 3; k++)
        {
            trainer.ComputeGradients(x.AsSpan(k * 10, 10), y.AsSpan(k * 2, 2));
            var dW = new float[6 * 5];
            trainer.WeightGradient(0, dW);
            all.AddRange(dW);
        }
        var w = record.Layers[0].WeightGradients!;
        Assert.Equal(2, record.Layers[0].WeightGradientBatchSize);
        Assert.Equal(all.Count, w.Count);
        var (mean, variance) = Support.Statistics.Moments(all.ToArray());
        Assert.Equal(mean, w.Mean, 7);
        Assert.Equal(Math.Sqrt(variance), w.Std, 6);
        Assert.Equal(all.Count, w.Histogram.InRange);   // two passes: ±max|dW| holds every value
    }

    [Fact]
    public void Jacobian_mean_singular_value_matches_an_svd_of_diag_slope_times_W()
    {
        var mlp = new Mlp([6, 9, 7, 3], Activation.Tanh, WeightFills.Normalized, seed: 4);
        var (x, y) = Gaussian(3, 6, 3, 4);
        var record = new NetworkProbe(mlp, new ProbeOptions { JacobianExamples = 3 }).Measure(x, y);
        var trainer = new NetworkPass(mlp, 3);
        trainer.Forward(x, 3);
        var w = mlp.CopyWeight(1);
        double sum = 0;
        for (int b = 0; b < 3; b++)
        {
            var j = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(7, 9,
                (r, c) => Activation.Tanh.Derivative(trainer.PreActivations(1)[b * 7 + r]) * w[r * 9 + c]);
            sum += j.Svd(computeVectors: false).S.Average();
        }
        Assert.Equal(sum / 3, record.Layers[1].JacobianMeanSingularValue!.Value, 5);
        Assert.Equal(3, record.Layers[1].JacobianExamples);
    }

    [Fact]
    public void Bad_probe_sets_and_options_are_rejected()
    {
        var mlp = new Mlp([4, 5, 3], Activation.Tanh);
        var probe = new NetworkProbe(mlp);
        Assert.Throws<ArgumentException>(() => probe.Measure(new float[8], [0]));
        Assert.Throws<ArgumentException>(() => probe.Measure(new float[4], [3]));
        Assert.Throws<ArgumentException>(() => probe.Measure([], []));
        Assert.Throws<ArgumentException>(() => new NetworkProbe(mlp, new ProbeOptions { Bins = 0 }));
        Assert.Throws<ArgumentException>(() => new NetworkProbe(mlp, new ProbeOptions { SketchAlpha = 1 }));
    }

    // The paper's findings at initialization (Glorot & Bengio 2010 Figs. 6–7; [SIM] numbers of docs/PROBES.md,
    // an independent numpy simulation on 300 Shapeset examples): tanh 5 × 1000, standard init: activation std
    // 0.30/0.16/0.09/0.05/0.03, back-propagated gradient std growing ≈ ×1.7–2 per layer toward the top;
    // normalized init: std ≈ 0.44/0.37/0.32/0.30/0.27.
    // Kept fast with the real widths (the ratios depend on n·Var[W], so smaller widths would change the first
    // layer's fan-in ratio) but 40 examples and few weight gradients: 40 000 values per layer put the std's
    // sampling error well under 1 %, far inside the ±15 % allowed for the [SIM] numbers read at 2 digits.
    [Fact]
    public void Tanh_standard_init_shrinks_activations_and_grows_gradients_toward_the_top_normalized_keeps_them()
    {
        var (x, y) = ShapesetProbe(40);
        var options = new ProbeOptions { WeightGradientBatches = 2, Bins = 20 };
        var standard = new Mlp([1024, 1000, 1000, 1000, 1000, 1000, 9], Activation.Tanh);
        // Standard hidden layers, normalized softmax layer: the [SIM] setting that matches Fig. 7 (docs/PROBES.md).
        standard.Initialize((w, fanOut, fanIn, seed, stream) =>
            (stream == 5 ? WeightFills.Normalized : WeightFills.Standard)(w, fanOut, fanIn, seed, stream), 0);
        var s = new NetworkProbe(standard, options).Measure(x, y);
        double[] simStd = [0.30, 0.16, 0.09, 0.05, 0.03];
        for (int l = 0; l < 5; l++)
            Assert.True(Math.Abs(s.Layers[l].Activations.Std / simStd[l] - 1) < 0.15, $"standard layer {l + 1}: std {s.Layers[l].Activations.Std}");
        for (int l = 0; l < 4; l++)
        {
            double ratio = s.Layers[l + 1].BackpropGradients.Std / s.Layers[l].BackpropGradients.Std;
            Assert.True(ratio is > 1.5 and < 2.2, $"standard: back-prop std ratio layer {l + 2}/{l + 1} = {ratio}");
        }

        var normalized = new Mlp([1024, 1000, 1000, 1000, 1000, 1000, 9], Activation.Tanh, WeightFills.Normalized, 0);
        var n = new NetworkProbe(normalized, options).Measure(x, y);
        double[] simNormalized = [0.44, 0.37, 0.32, 0.30, 0.27];
        for (int l = 0; l < 5; l++)
            Assert.True(Math.Abs(n.Layers[l].Activations.Std / simNormalized[l] - 1) < 0.15, $"normalized layer {l + 1}: std {n.Layers[l].Activations.Std}");
        double spread = n.Layers.Max(p => p.BackpropGradients.Std) / n.Layers.Min(p => p.BackpropGradients.Std);
        Assert.True(spread < 2, $"normalized: back-prop std varies ×{spread} across layers");
    }
}
