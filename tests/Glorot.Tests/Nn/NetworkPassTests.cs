using Glorot.Nn;
using static Glorot.Tests.Nn.SgdTrainerTests;

namespace Glorot.Tests.Nn;

/// <summary>
/// <see cref="NetworkPass"/>: forward against the double reference, per-example dL/ds against finite differences,
/// evaluation in batches, the pieces (Forward, Loss, Backward) against the whole (ComputeGradients), and the layer it
/// names when a pass is not finite.
/// </summary>
public sealed class NetworkPassTests
{
    [Fact]
    public void Smaller_last_batch_and_Forward_match_the_reference()
    {
        var mlp = SmallNet("softsign");
        var pass = new NetworkPass(mlp, batchSize: 8);
        var (x, _) = RandomBatch(2, 5, 4, 8);
        var logits = pass.Forward(x, 2).ToArray();
        double[] p = [.. mlp.CopyParameters().Select(v => (double)v)];
        for (int b = 0; b < 2; b++)
        {
            var expected = ReferenceMlp.Logits(mlp, p, x, b);
            for (int j = 0; j < 4; j++) Assert.Equal(expected[j], logits[b * 4 + j], 1e-5);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => pass.Forward(new float[45], 9));
        Assert.Throws<ArgumentException>(() => pass.Forward(new float[11], 2));
    }

    [Fact]
    public void Evaluate_takes_a_data_set_of_any_length_in_batches()
    {
        var mlp = SmallNet("tanh");
        var (x, y) = RandomBatch(10, 5, 4, 42);
        var small = new NetworkPass(mlp, 3);
        double loss = small.Evaluate(x, y, out int correct);
        double whole = new NetworkPass(mlp, 10).Evaluate(x, y, out int correctWhole);
        Assert.Equal(whole, loss, 1e-12);
        Assert.Equal(correctWhole, correct);
        var reference = ReferenceMlp.MeanLoss(mlp, [.. mlp.CopyParameters().Select(v => (double)v)], x, y);
        Assert.Equal(reference, loss, 1e-5);
        Assert.Throws<ArgumentException>(() => small.Evaluate(x.AsSpan(1), y, out _));
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("softsign")]
    [InlineData("sigmoid")]
    public void ComputeGradients_gives_per_example_dL_ds_matching_finite_differences_on_the_bias(string activation)
    {
        // ∂ℓ_b/∂s_bj = ∂ℓ_b/∂b_j for example b alone: a central difference of the double reference on that one row.
        var mlp = SmallNet(activation);
        var (x, y) = RandomBatch(3, 5, 4, 6);
        var pass = new NetworkPass(mlp, 3);
        pass.ComputeGradients(x, y);
        double[] theta = [.. mlp.CopyParameters().Select(v => (double)v)];
        const double h = 1e-4;
        int offset = 0;
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            int fanIn = mlp.FanIn(l), fanOut = mlp.FanOut(l);
            var ds = pass.PreActivationGradients(l).ToArray();
            for (int b = 0; b < 3; b++)
                for (int j = 0; j < fanOut; j++)
                {
                    var plus = (double[])theta.Clone();
                    var minus = (double[])theta.Clone();
                    plus[offset + fanOut * fanIn + j] += h;
                    minus[offset + fanOut * fanIn + j] -= h;
                    var row = x.AsSpan(b * 5, 5);
                    int[] label = [y[b]];
                    double fd = (ReferenceMlp.MeanLoss(mlp, plus, row, label) - ReferenceMlp.MeanLoss(mlp, minus, row, label)) / (2 * h);
                    // Same tolerance argument as the step test above: float engine vs O(h²) double differences.
                    Assert.True(Math.Abs(ds[b * fanOut + j] - fd) < 1e-4 + 1e-3 * Math.Abs(fd),
                        $"{activation} layer {l} example {b} unit {j}: engine {ds[b * fanOut + j]}, finite difference {fd}");
                }
            offset += fanOut * fanIn + fanOut;
        }
    }

    [Fact]
    public void Forward_Loss_and_Backward_are_ComputeGradients_bit_for_bit()
    {
        var (x, y) = RandomBatch(3, 5, 4, 11);
        var whole = new NetworkPass(SmallNet("tanh"), 3);
        double expected = whole.ComputeGradients(x, y);
        var pieces = new NetworkPass(SmallNet("tanh"), 3);
        pieces.Forward(x, 3);
        double loss = pieces.Loss(y, out int correct);
        pieces.Backward();
        Assert.Equal(expected, loss);
        Assert.Equal(whole.Evaluate(x, y, out int evaluated), loss);
        Assert.Equal(evaluated, correct);
        for (int l = 0; l < whole.Model.LayerCount; l++)
        {
            Assert.Equal(whole.PreActivations(l).ToArray(), pieces.PreActivations(l).ToArray());
            Assert.Equal(whole.PreActivationGradients(l).ToArray(), pieces.PreActivationGradients(l).ToArray());
        }
        Assert.Throws<ArgumentException>(() => pieces.Loss([0, 1], out _));
        Assert.Throws<InvalidOperationException>(() => new NetworkPass(SmallNet("tanh"), 3).Backward());
    }

    [Fact]
    public void A_pass_never_writes_a_parameter()
    {
        var mlp = SmallNet("relu");
        var (x, y) = RandomBatch(7, 5, 4, 12);
        float[] before = mlp.CopyParameters();
        var pass = new NetworkPass(mlp, 4);
        pass.ComputeGradients(x.AsSpan(0, 4 * 5), y.AsSpan(0, 4));
        pass.Evaluate(x, y, out _);
        pass.WeightGradient(0, new float[5 * 7]);
        Assert.Equal(before, mlp.CopyParameters());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void FirstNonFiniteLayer_names_the_0_based_dense_layer_whose_s_or_z_first_overflows(int layer)
    {
        var mlp = SmallNet("tanh");
        var w = mlp.CopyWeight(layer);
        w[3] = float.PositiveInfinity;
        mlp.SetWeight(layer, w);
        var (x, _) = RandomBatch(3, 5, 4, 13);
        var pass = new NetworkPass(mlp, 3);
        pass.Forward(x, 3);
        Assert.Equal(layer, pass.FirstNonFiniteLayer());
        var clean = new NetworkPass(SmallNet("tanh"), 3);
        clean.Forward(x, 3);
        Assert.Null(clean.FirstNonFiniteLayer());
    }
}
