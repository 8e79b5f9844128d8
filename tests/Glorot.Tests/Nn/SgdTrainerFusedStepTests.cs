using Glorot.Kernels;
using Glorot.Nn;
using Glorot.Random;
using Glorot.Tests.Kernels;

namespace Glorot.Tests.Nn;

/// <summary>
/// <see cref="SgdTrainer"/> with the fused backward step (one pass over each W, the default) against the same
/// trainer with <see cref="SgdTrainer.FusedBackwardStep"/> off: whole training runs agree bit for bit.
/// </summary>
public sealed class SgdTrainerFusedStepTests
{
    // Widths above one 32-unit block and not multiples of it; the last batch is smaller than the others.
    private static readonly int[] Widths = [40, 100, 70, 9];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable }.Where(GemmPaths.IsSupported))
        foreach (var optimizer in new[] { "sgd", "decay", "momentum", "nesterov" })
            data.Add(path.ToString(), optimizer);
        return data;
    }

    private static SgdOptions Optimizer(string name) => name switch
    {
        "sgd" => new SgdOptions { LearningRate = 0.05f },
        "decay" => new SgdOptions { LearningRate = 0.05f, WeightDecay = 0.01f },
        "momentum" => new SgdOptions { LearningRate = 0.05f, Momentum = 0.9f, WeightDecay = 0.01f },
        "nesterov" => new SgdOptions { LearningRate = 0.05f, Momentum = 0.9f, Nesterov = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fused_and_unfused_training_give_the_same_bits(string pathName, string optimizer)
    {
        using var machine = ComputePool.AssumeProcessors(4);
        var path = GemmTestData.Path(pathName);
        foreach (var batch in new[] { 1, 10, 33 })
        {
            var (expected, expectedMomentum) = Train(path, Optimizer(optimizer), batch, threads: 1, fused: false);
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var (actual, momentum) = Train(path, Optimizer(optimizer), batch, threads, fused: true);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{path} {optimizer} batch {batch} {threads} threads: parameters differ");
                Assert.True(expectedMomentum.AsSpan().SequenceEqual(momentum), $"{path} {optimizer} batch {batch} {threads} threads: momentum differs");
            }
        }
    }

    [Fact]
    public void With_clipping_the_whole_gradient_is_formed_first_and_a_clip_that_does_not_bind_changes_only_rounding()
    {
        // Clipping needs ‖g‖ before any update, so it keeps the two passes; when the clip does not bind (norm far
        // below it) the result is the plain step up to the rounding of g = (1/B)·Σ before the ε multiply.
        var (plain, _) = Train(GemmPath.Auto, new SgdOptions { LearningRate = 0.05f }, 10, 2, fused: true);
        var (clipped, _) = Train(GemmPath.Auto, new SgdOptions { LearningRate = 0.05f, ClipGlobalNorm = 1e6f }, 10, 2, fused: true);
        var (valueClipped, _) = Train(GemmPath.Auto, new SgdOptions { LearningRate = 0.05f, ClipValue = 1e6f }, 10, 2, fused: true);
        for (var i = 0; i < plain.Length; i++)
        {
            Assert.Equal(plain[i], clipped[i], 1e-5);
            Assert.Equal(plain[i], valueClipped[i], 1e-5);
        }
        // Power: a clip that binds moves the parameters elsewhere.
        var (bound, _) = Train(GemmPath.Auto, new SgdOptions { LearningRate = 0.05f, ClipGlobalNorm = 1e-3f }, 10, 2, fused: true);
        Assert.True(plain.Zip(bound).Max(t => Math.Abs(t.First - t.Second)) > 1e-3);
    }

    // Five steps (the last on a batch one row short) from the same start; all parameters and momentum buffers.
    private static (float[] Parameters, float[] Momentum) Train(GemmPath path, SgdOptions options, int batch, int threads, bool fused)
    {
        using var scope = Gemm.Use(path);
        var mlp = new Mlp(Widths, Activation.Parse("tanh"), WeightFills.Normalized, seed: 4);
        var random = new RandomStream(13, 0);
        for (var l = 0; l < mlp.LayerCount; l++)
        {
            var bias = new float[mlp.FanOut(l)];
            for (var i = 0; i < bias.Length; i++) bias[i] = (float)random.NextDouble(-0.3, 0.3);
            mlp.SetBias(l, bias);
        }
        var trainer = new SgdTrainer(mlp, options, batch) { Threads = threads, FusedBackwardStep = fused };
        for (var step = 0; step < 5; step++)
        {
            var rows = step == 4 && batch > 1 ? batch - 1 : batch;
            var x = new float[rows * Widths[0]];
            for (var i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble(-1.5, 1.5);
            var y = new int[rows];
            for (var i = 0; i < rows; i++) y[i] = random.NextInt(Widths[^1]);
            trainer.Step(x, y);
        }
        var momentum = new List<float>();
        if (trainer.HasMomentum)
            for (var l = 0; l < mlp.LayerCount; l++)
            {
                var w = new float[mlp.FanIn(l) * mlp.FanOut(l)];
                var b = new float[mlp.FanOut(l)];
                trainer.CopyMomentum(l, w, b);
                momentum.AddRange(w);
                momentum.AddRange(b);
            }
        return (mlp.CopyParameters(), [.. momentum]);
    }
}
