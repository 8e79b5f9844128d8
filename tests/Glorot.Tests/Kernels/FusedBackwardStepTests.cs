using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Tests.Kernels;

/// <summary>
/// <see cref="DenseLayer.BackwardDataAndStep"/> (one pass over Wᵀ) against the unfused step it replaces:
/// <see cref="DenseLayer.BackwardData"/>, then <see cref="DenseLayer.WeightGradient"/> and, with momentum, the
/// element-wise step over the whole buffers — bit for bit, on every kernel path and thread count.
/// </summary>
public sealed class FusedBackwardStepTests
{
    private const float LearningRate = 0.05f, Mu = 0.9f, Decay = 0.01f;

    // (in, out, batch): in not a multiple of 32 (last block partial), out not a multiple of 32 (padded panel),
    // batch 1/7/10 (dot route on AVX-512 when out ≥ 64) and 100 (packed route), work above the parallel threshold.
    public static TheoryData<string, int, int, int> Shapes()
    {
        var data = new TheoryData<string, int, int, int>();
        foreach (var path in new[] { GemmPath.Vector512, GemmPath.Vector256, GemmPath.Portable }.Where(GemmPaths.IsSupported))
        foreach (var (fanIn, fanOut, batch) in new[] { (70, 45, 1), (100, 70, 7), (333, 130, 10), (31, 200, 10), (130, 97, 100) })
            data.Add(path.ToString(), fanIn, fanOut, batch);
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Fused_equals_unfused_bit_for_bit_for_every_rule_and_thread_count(string pathName, int fanIn, int fanOut, int batch)
    {
        var path = GemmTestData.Path(pathName);
        foreach (var rule in new[] { FusedStepRule.InPlace, FusedStepRule.Momentum, FusedStepRule.Nesterov })
        foreach (var decay in new[] { 0f, Decay })
        {
            var expected = Layer.Random(fanIn, fanOut, batch, seed: 11);
            using (Gemm.Use(path, threads: 1)) expected.Unfused(rule, decay);
            for (var threads = 1; threads <= 3; threads++)
            {
                var actual = Layer.Random(fanIn, fanOut, batch, seed: 11);
                using (Gemm.Use(path, threads)) actual.Fused(rule, decay);
                actual.AssertSameBits(expected, $"{path} {rule} λ={decay} {threads} threads {fanIn}-{fanOut} batch {batch}");
            }
        }
    }

    [Fact]
    public void Each_thread_claims_its_share_in_at_most_two_runs_of_consecutive_blocks()
    {
        for (var threads = 1; threads <= 8; threads++)
        for (var blocks = 1; blocks <= 300; blocks++)
        {
            var claim = FusedBackwardStep.ClaimSize(blocks, threads);
            var runs = (blocks + claim - 1) / claim;
            Assert.True(runs <= 2 * threads, $"{blocks} blocks on {threads} threads: {runs} runs of {claim}");
            // The shortest such runs: one block fewer per run would need more than two runs per thread.
            Assert.True(claim == 1 || (blocks + claim - 2) / (claim - 1) > 2 * threads, $"{blocks} blocks on {threads} threads: runs of {claim} are longer than needed");
        }
        Assert.Equal(20, FusedBackwardStep.ClaimSize(79, 2)); // a 2500-wide layer on two threads
    }

    [Fact]
    public void The_data_gradient_uses_the_weights_before_the_update()
    {
        // Power: a dX taken after the update (or half way through it) differs from dS·W_old.
        var layer = Layer.Random(100, 64, 10, seed: 5);
        var before = layer.Clone();
        layer.Fused(FusedStepRule.InPlace, 0f);
        var dx = new float[before.Dx.Length];
        DenseLayer.BackwardData(before.Ds, before.Wt, dx, before.Batch);
        Assert.Equal(dx, layer.Dx);
        var moved = new float[dx.Length];
        DenseLayer.BackwardData(before.Ds, layer.Wt, moved, before.Batch);
        Assert.NotEqual(dx, moved);
    }

    [Fact]
    public void The_first_layer_without_a_data_gradient_is_updated_alone()
    {
        var expected = Layer.Random(90, 50, 10, seed: 8);
        var actual = expected.Clone();
        expected.Unfused(FusedStepRule.Momentum, Decay);
        actual.Fused(FusedStepRule.Momentum, Decay, withDx: false);
        Assert.Equal(Storage(expected.Wt), Storage(actual.Wt));
        Assert.Equal(Storage(expected.Velocity), Storage(actual.Velocity));
        Assert.Equal(expected.Bias, actual.Bias);
        Assert.All(actual.Dx, v => Assert.Equal(0f, v)); // never written
    }

    private static float[] Storage(PackedMatrix m) => PackedWeights.Storage(m).ToArray();

    /// <summary>One layer's state: Wᵀ, bias, momentum buffers, and the batch's dS, X and dX.</summary>
    private sealed class Layer
    {
        public required PackedMatrix Wt, Gradient, Velocity;
        public required float[] Bias, BiasGradient, BiasVelocity, Ds, X, Dx;
        public required int Batch;

        public static Layer Random(int fanIn, int fanOut, int batch, ulong seed)
        {
            var layer = new Layer
            {
                Wt = new PackedMatrix(fanIn, fanOut), Gradient = new PackedMatrix(fanIn, fanOut),
                Velocity = new PackedMatrix(fanIn, fanOut),
                Bias = GemmTestData.Uniform(fanOut, seed, 1), BiasGradient = new float[fanOut],
                BiasVelocity = GemmTestData.Uniform(fanOut, seed, 2),
                Ds = GemmTestData.Uniform(batch * fanOut, seed, 3), X = GemmTestData.Uniform(batch * fanIn, seed, 4),
                Dx = new float[batch * fanIn], Batch = batch,
            };
            layer.Wt.Pack(GemmTestData.Uniform(fanIn * fanOut, seed, 5), fanOut, transposed: false);
            layer.Velocity.Pack(GemmTestData.Uniform(fanIn * fanOut, seed, 6), fanOut, transposed: false);
            return layer;
        }

        public Layer Clone()
        {
            var copy = Random(Wt.Rows, Wt.Cols, Batch, seed: 0);
            Storage(Wt).CopyTo(PackedWeights.Storage(copy.Wt));
            Storage(Velocity).CopyTo(PackedWeights.Storage(copy.Velocity));
            Bias.CopyTo(copy.Bias);
            BiasVelocity.CopyTo(copy.BiasVelocity);
            Ds.CopyTo(copy.Ds);
            X.CopyTo(copy.X);
            return copy;
        }

        // SgdTrainer's parameters for the rule (FusedStepParameters as SgdTrainer.StepParameters builds them).
        private FusedStepParameters Parameters(FusedStepRule rule, float decay) => rule == FusedStepRule.InPlace
            ? new(rule, -LearningRate / Batch, 1f - LearningRate * decay)
            : new(rule, 1f / Batch, 0f, Gradient, Velocity, LearningRate, Mu, decay);

        public void Fused(FusedStepRule rule, float decay, bool withDx = true) =>
            DenseLayer.BackwardDataAndStep(Ds, X, Wt, Bias, withDx ? Dx : default, Batch, Parameters(rule, decay),
                BiasGradient, BiasVelocity);

        // Today's two passes: the data GEMM over all of W, then the gradient GEMM (and the element-wise step).
        public void Unfused(FusedStepRule rule, float decay)
        {
            DenseLayer.BackwardData(Ds, Wt, Dx, Batch);
            var p = Parameters(rule, decay);
            if (rule == FusedStepRule.InPlace)
            {
                DenseLayer.WeightGradient(Ds, X, p.Alpha, p.Beta, Wt, Bias, Batch);
                return;
            }
            DenseLayer.WeightGradient(Ds, X, p.Alpha, p.Beta, Gradient, BiasGradient, Batch);
            Span<float> w = PackedWeights.Storage(Wt), g = PackedWeights.Storage(Gradient), v = PackedWeights.Storage(Velocity);
            if (rule == FusedStepRule.Nesterov)
            {
                SgdKernels.NesterovStep(w, g, v, LearningRate, Mu, decay);
                SgdKernels.NesterovStep(Bias, BiasGradient, BiasVelocity, LearningRate, Mu, decay);
            }
            else
            {
                SgdKernels.MomentumStep(w, g, v, LearningRate, Mu, decay);
                SgdKernels.MomentumStep(Bias, BiasGradient, BiasVelocity, LearningRate, Mu, decay);
            }
        }

        public void AssertSameBits(Layer expected, string what)
        {
            AssertBits(expected.Dx, Dx, "dX " + what);
            AssertBits(Storage(expected.Wt), Storage(Wt), "W " + what);
            AssertBits(expected.Bias, Bias, "b " + what);
            AssertBits(Storage(expected.Velocity), Storage(Velocity), "v " + what);
            AssertBits(expected.BiasVelocity, BiasVelocity, "v_b " + what);
        }

        private static void AssertBits(float[] expected, float[] actual, string what)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (var i = 0; i < expected.Length; i++)
                if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                    Assert.Fail($"{what}: element {i} is {actual[i]:R}, unfused {expected[i]:R}");
        }
    }
}
