using Glorot.Nn;
using Glorot.Random;

namespace Glorot.Tests.Nn;

public class SgdTrainerTests
{
    internal static (float[] X, int[] Y) RandomBatch(int rows, int inputs, int classes, ulong stream)
    {
        var random = new RandomStream(77, stream);
        var x = new float[rows * inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble(-1.5, 1.5);
        var y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = random.NextInt(classes);
        return (x, y);
    }

    internal static Mlp SmallNet(string activation, ulong seed = 3)
    {
        var mlp = new Mlp([5, 7, 6, 4], Activation.Parse(activation), WeightFills.Normalized, seed);
        // Non-zero biases, so that their gradients and the bias epilogue are exercised.
        var random = new RandomStream(seed, 99);
        for (int l = 0; l < mlp.LayerCount; l++)
            mlp.SetBias(l, [.. Enumerable.Range(0, mlp.FanOut(l)).Select(_ => (float)random.NextDouble(-0.3, 0.3))]);
        return mlp;
    }

    public static TheoryData<string, bool> GradientCases()
    {
        var data = new TheoryData<string, bool>();
        foreach (string f in new[] { "tanh", "sigmoid", "softsign", "relu", "leaky-relu:0.1", "elu:1", "selu", "gelu", "softplus" })
        {
            data.Add(f, true);
            data.Add(f, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void Gradients_and_the_update_match_finite_differences(string activation, bool fused)
    {
        var mlp = SmallNet(activation);
        var (x, y) = RandomBatch(3, 5, 4, 1);
        const float lr = 1e-2f;
        // A value clip far above any gradient changes nothing but forces the unfused path (gradient arrays).
        var options = fused ? new SgdOptions { LearningRate = lr } : new SgdOptions { LearningRate = lr, ClipValue = 1e30f };
        Assert.Equal(fused, options.CanFuseUpdate);
        var trainer = new SgdTrainer(mlp, options, batchSize: 3);
        double[] before = [.. mlp.CopyParameters().Select(v => (double)v)];
        double loss = trainer.Step(x, y);
        Assert.Equal(ReferenceMlp.MeanLoss(mlp, before, x, y), loss, 1e-5);
        var after = mlp.CopyParameters();

        // Central differences of the double-precision reference: truncation O(h²) ≈ 1e-8, rounding ≈ 1e-12.
        const double h = 1e-4;
        int offset = 0;
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            int fanIn = mlp.FanIn(l), fanOut = mlp.FanOut(l);
            var dW = new float[fanOut * fanIn];
            var db = new float[fanOut];
            trainer.Pass.WeightGradient(l, dW);
            trainer.Pass.BiasGradient(l, db);
            float[] analytic = [.. dW, .. db];
            for (int p = 0; p < analytic.Length; p++)
            {
                var plus = (double[])before.Clone();
                var minus = (double[])before.Clone();
                plus[offset + p] += h;
                minus[offset + p] -= h;
                double fd = (ReferenceMlp.MeanLoss(mlp, plus, x, y) - ReferenceMlp.MeanLoss(mlp, minus, x, y)) / (2 * h);
                // The engine runs in float with activation approximations good to ~4e-7: 1e-4 absolute + 1e-3
                // relative is far above that and far below a wrong gradient.
                Assert.True(Math.Abs(analytic[p] - fd) < 1e-4 + 1e-3 * Math.Abs(fd),
                    $"{activation} layer {l} parameter {p}: engine {analytic[p]}, finite difference {fd}");
                double step = (before[offset + p] - after[offset + p]) / lr;
                Assert.True(Math.Abs(step - fd) < 1e-4 + 1e-3 * Math.Abs(fd),
                    $"{activation} layer {l} parameter {p}: update/lr {step}, finite difference {fd}");
            }
            offset += analytic.Length;
        }
    }

    [Fact]
    public void PreActivationGradients_are_per_example_and_average_to_the_bias_gradient()
    {
        var mlp = SmallNet("tanh");
        var (x, y) = RandomBatch(3, 5, 4, 2);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.1f }, 3);
        trainer.Step(x, y);
        // Output layer: per-example softmax − onehot, so each row sums to 0 and the label entry is negative.
        var ds = trainer.Pass.PreActivationGradients(2);
        for (int b = 0; b < 3; b++)
        {
            Assert.Equal(0, ds.Slice(b * 4, 4).ToArray().Sum(), 6);
            Assert.True(ds[b * 4 + y[b]] < 0);
        }
        var db = new float[6];
        trainer.Pass.BiasGradient(1, db);
        var ds1 = trainer.Pass.PreActivationGradients(1);
        for (int j = 0; j < 6; j++) Assert.Equal((ds1[j] + ds1[6 + j] + ds1[12 + j]) / 3, db[j], 1e-6);
        Assert.Equal(3 * 7, trainer.Pass.PreActivations(0).Length);
        Assert.Equal(3 * 7, trainer.Pass.Outputs(0).Length);
        for (int i = 0; i < 21; i++) Assert.Equal(MathF.Tanh(trainer.Pass.PreActivations(0)[i]), trainer.Pass.Outputs(0)[i], 6);
    }

    [Fact]
    public void Momentum_follows_PyTorch_SGD()
    {
        var mlp = SmallNet("tanh");
        var (x1, y1) = RandomBatch(3, 5, 4, 3);
        var (x2, y2) = RandomBatch(3, 5, 4, 4);
        const float lr = 0.05f, mu = 0.9f, wd = 0.01f;
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = lr, Momentum = mu, WeightDecay = wd }, 3);
        var p0 = mlp.CopyWeight(1);
        trainer.Step(x1, y1);
        var g1 = new float[p0.Length];
        trainer.Pass.WeightGradient(1, g1);
        var p1 = mlp.CopyWeight(1);
        trainer.Step(x2, y2);
        var g2 = new float[p0.Length];
        trainer.Pass.WeightGradient(1, g2);
        var p2 = mlp.CopyWeight(1);
        for (int i = 0; i < p0.Length; i++)
        {
            // v1 = g1 + λp0; p1 = p0 − ε v1; v2 = μ v1 + g2 + λp1; p2 = p1 − ε v2.
            double v1 = g1[i] + wd * p0[i];
            Assert.Equal(p0[i] - lr * v1, p1[i], 1e-6);
            double v2 = mu * v1 + g2[i] + wd * p1[i];
            Assert.Equal(p1[i] - lr * v2, p2[i], 1e-6);
        }
    }

    [Fact]
    public void Global_norm_clipping_bounds_the_step_and_keeps_its_direction()
    {
        var mlp = SmallNet("tanh");
        var (x, y) = RandomBatch(3, 5, 4, 5);
        const float lr = 0.1f, clip = 1e-3f;
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = lr, ClipGlobalNorm = clip }, 3);
        var before = mlp.CopyParameters();
        trainer.Step(x, y);
        var after = mlp.CopyParameters();
        double norm = Math.Sqrt(before.Zip(after, (b, a) => (double)(b - a) * (b - a)).Sum()) / lr;
        Assert.Equal(clip, norm, clip * 1e-3);
        var g = new float[mlp.FanOut(0) * mlp.FanIn(0)];
        trainer.Pass.WeightGradient(0, g);
        double gradientNorm = 0; // of the whole gradient: recompute from all layers
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var dW = new float[mlp.FanOut(l) * mlp.FanIn(l)];
            var db = new float[mlp.FanOut(l)];
            trainer.Pass.WeightGradient(l, dW);
            trainer.Pass.BiasGradient(l, db);
            gradientNorm += dW.Sum(v => (double)v * v) + db.Sum(v => (double)v * v);
        }
        double scale = clip / (Math.Sqrt(gradientNorm) + 1e-6);
        var w0 = before.AsSpan(0, g.Length).ToArray();
        for (int i = 0; i < g.Length; i++) Assert.Equal(w0[i] - lr * scale * g[i], after[i], 1e-7);
    }

    [Fact]
    public void Value_clipping_clamps_each_component()
    {
        var mlp = SmallNet("relu");
        var (x, y) = RandomBatch(3, 5, 4, 6);
        const float lr = 0.1f, clip = 0.02f;
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = lr, ClipValue = clip }, 3);
        var before = mlp.CopyWeight(2);
        trainer.Step(x, y);
        var after = mlp.CopyWeight(2);
        var g = new float[before.Length];
        trainer.Pass.WeightGradient(2, g);
        Assert.Contains(g, v => Math.Abs(v) > clip); // the test must exercise the clamp
        for (int i = 0; i < g.Length; i++)
            Assert.Equal(before[i] - lr * Math.Clamp(g[i], -clip, clip), after[i], 1e-7);
    }

    [Fact]
    public void Two_spirals_are_learned_to_100_percent_training_accuracy()
    {
        // Two interleaved spirals of 2 turns, 97 points each, radius shrinking from 4 towards 0.3; the second is
        // the first rotated by π (after Lang & Witbrock 1988, with fewer turns so that it trains in < 1 s).
        const int perClass = 97;
        var x = new float[2 * perClass * 2];
        var y = new int[2 * perClass];
        for (int i = 0; i < perClass; i++)
        {
            double angle = i * 2 * 2 * Math.PI / perClass, r = 4.0 * (104 - i) / 104;
            for (int c = 0; c < 2; c++)
            {
                int k = 2 * i + c;
                double sign = c == 0 ? 1 : -1;
                x[2 * k] = (float)(sign * r * Math.Sin(angle));
                x[2 * k + 1] = (float)(sign * r * Math.Cos(angle));
                y[k] = c;
            }
        }
        var mlp = new Mlp([2, 64, 64, 64, 2], Activation.Tanh, WeightFills.Normalized, seed: 1);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.02f, Momentum = 0.9f }, batchSize: y.Length);
        // Accuracy is judged after each update (a step's own count is the one before it, and with momentum the
        // last update can still move a boundary point). 900–2200 full-batch steps were needed for seeds 1–6.
        int correct = 0;
        for (int epoch = 0; epoch < 5000 && correct < y.Length; epoch++)
        {
            trainer.Step(x, y);
            trainer.Pass.Evaluate(x, y, out correct);
        }
        Assert.Equal(y.Length, correct);
    }

    // Five SGD steps (momentum, so the gradient arrays and the element-wise update run too) of a net whose
    // GEMMs are split into different chunks for each thread count; returns every parameter.
    private static float[] TrainFiveSteps(int threads, float momentum = 0f)
    {
        var mlp = new Mlp([64, 300, 300, 10], Activation.Tanh, WeightFills.Normalized, seed: 11);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.05f, Momentum = momentum }, 40) { Threads = threads };
        for (int step = 0; step < 5; step++)
        {
            var (x, y) = RandomBatch(40, 64, 10, (ulong)step);
            trainer.Step(x, y);
        }
        return mlp.CopyParameters();
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.9f)]
    public void Same_seed_gives_the_same_bits_for_every_thread_count(float momentum)
    {
        using var machine = Glorot.Kernels.ComputePool.AssumeProcessors(16); // 8 threads at once, even on 2 cores
        var one = TrainFiveSteps(1, momentum);
        foreach (var threads in new[] { 2, 3, 4, 8, 1 })
            Assert.True(one.AsSpan().SequenceEqual(TrainFiveSteps(threads, momentum)), $"{threads} threads differ from 1");
    }

    [Fact]
    public void Trainers_on_two_threads_at_once_give_the_bits_they_give_one_after_the_other()
    {
        // Two runs in one process, as `reproduce --jobs 2` trains them, each with its own thread count: each
        // caller has its own workers, so neither waits for nor changes the other.
        var sequential = (A: TrainFiveSteps(3), B: TrainFiveSteps(2, 0.9f));
        float[]? a = null, b = null;
        var ta = new Thread(() => a = TrainFiveSteps(3));
        var tb = new Thread(() => b = TrainFiveSteps(2, 0.9f));
        ta.Start(); tb.Start(); ta.Join(); tb.Join();
        Assert.True(sequential.A.AsSpan().SequenceEqual(a), "the 3-thread trainer changed when run concurrently");
        Assert.True(sequential.B.AsSpan().SequenceEqual(b), "the 2-thread trainer changed when run concurrently");
    }

    [Fact]
    public void Threads_accepts_zero_for_the_default_and_counts_up_to_the_maximum()
    {
        var trainer = new SgdTrainer(SmallNet("tanh"), new SgdOptions(), 3) { Threads = Compute.MaxThreads };
        Assert.Equal(Compute.MaxThreads, trainer.Threads);
        trainer.Threads = 0;
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Threads = -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Threads = Compute.MaxThreads + 1);
    }

    [Fact]
    public void NaN_weight_is_reported_with_step_and_layer_and_the_step_is_not_applied()
    {
        var mlp = SmallNet("tanh");
        var (x, y) = RandomBatch(3, 5, 4, 7);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.1f }, 3);
        trainer.Step(x, y);
        var w = mlp.CopyWeight(1);
        w[4] = float.NaN;
        mlp.SetWeight(1, w);
        var before = mlp.CopyParameters();
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Step(x, y));
        Assert.Equal(1, ex.Step);
        Assert.Equal(1, ex.Layer);
        Assert.Contains("step 1", ex.Message);
        Assert.Contains("dense layer 1 (0-based)", ex.Message);
        Assert.Equal(before, mlp.CopyParameters());
    }

    [Fact]
    public void Huge_learning_rate_diverges_and_is_detected()
    {
        var mlp = new Mlp([5, 7, 6, 4], Activation.Relu, WeightFills.Normalized, seed: 4);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 1e30f }, 3);
        var ex = Assert.Throws<TrainingDivergedException>(() =>
        {
            for (int step = 0; step < 10; step++)
            {
                var (x, y) = RandomBatch(3, 5, 4, (ulong)step);
                trainer.Step(x, y);
            }
        });
        Assert.InRange(ex.Step, 1, 9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Step_allocates_nothing_once_warm(bool momentum)
    {
        var mlp = new Mlp([40, 70, 50, 5], Activation.Gelu, WeightFills.Normalized, seed: 2);
        var options = new SgdOptions { LearningRate = 0.01f, Momentum = momentum ? 0.9f : 0f, ClipGlobalNorm = momentum ? 1f : null };
        var trainer = new SgdTrainer(mlp, options, 16);
        var (x, y) = RandomBatch(16, 40, 5, 9);
        for (int i = 0; i < 3; i++) trainer.Step(x, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) trainer.Step(x, y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var mlp = SmallNet("tanh");
        Assert.Throws<ArgumentException>(() => new SgdTrainer(mlp, new SgdOptions { LearningRate = -1 }, 3));
        Assert.Throws<ArgumentException>(() => new SgdTrainer(mlp, new SgdOptions { Momentum = 1 }, 3));
        Assert.Throws<ArgumentException>(() => new SgdTrainer(mlp, new SgdOptions { ClipGlobalNorm = 0 }, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SgdTrainer(mlp, new SgdOptions(), 0));
    }
    [Fact]
    public void ComputeGradients_leaves_every_parameter_untouched_and_equals_what_a_step_computes()
    {
        var mlp = SmallNet("tanh");
        var (x, y) = RandomBatch(3, 5, 4, 5);
        float[] before = mlp.CopyParameters();
        var probe = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.5f }, 3);
        double loss = probe.Pass.ComputeGradients(x, y);
        Assert.Equal(before, mlp.CopyParameters());
        Assert.Equal(0, probe.StepCount);
        // A step on a twin network runs the same kernels on the same weights before updating them: bit-identical
        // loss, dL/ds and dL/dW (recomputed from the stored dL/ds and layer inputs, both from before the update).
        var step = new SgdTrainer(SmallNet("tanh"), new SgdOptions { LearningRate = 0.5f }, 3);
        Assert.Equal(loss, step.Step(x, y));
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            Assert.Equal(step.Pass.PreActivationGradients(l).ToArray(), probe.Pass.PreActivationGradients(l).ToArray());
            var a = new float[mlp.FanIn(l) * mlp.FanOut(l)];
            var b = new float[a.Length];
            step.Pass.WeightGradient(l, a);
            probe.Pass.WeightGradient(l, b);
            Assert.Equal(a, b);
        }
    }
}
