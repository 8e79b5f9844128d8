using Glorot.Nn;

namespace Glorot.Tests.Nn;

public class MlpTests
{
    [Fact]
    public void Parameters_are_one_allocation_in_the_order_W0_b0_W1_b1()
    {
        var mlp = new Mlp(4, [3], 2, Activation.Tanh);
        Assert.Equal(4 * 3 + 3 + 3 * 2 + 2, mlp.ParameterCount);
        Assert.Equal([4, 3, 2], mlp.Widths);
        mlp.SetParameters(new float[mlp.ParameterCount]);
        mlp.SetBias(0, [0, 0, 7]);
        mlp.SetWeight(1, [9, 0, 0, 0, 0, 0]);
        var parameters = mlp.CopyParameters();
        Assert.Equal(7, parameters[4 * 3 + 2]);
        Assert.Equal(9, parameters[4 * 3 + 3]);
        Assert.Equal(Activation.Identity, mlp.LayerActivation(1));
        Assert.Equal(Activation.Tanh, mlp.LayerActivation(0));
    }

    [Fact]
    public void Initialize_calls_the_fill_per_layer_with_fans_seed_and_layer_stream_and_zeroes_biases()
    {
        var mlp = new Mlp([5, 4, 3], Activation.Relu);
        mlp.SetBias(0, [1, 1, 1, 1]);
        var calls = new List<(int Length, int FanOut, int FanIn, ulong Seed, ulong Stream)>();
        mlp.Initialize((w, fanOut, fanIn, seed, stream) =>
        {
            calls.Add((w.Length, fanOut, fanIn, seed, stream));
            w.Fill(stream + 1);
        }, seed: 42);
        Assert.Equal([(20, 4, 5, 42UL, 0UL), (12, 3, 4, 42UL, 1UL)], calls);
        Assert.All(mlp.CopyWeight(1), v => Assert.Equal(2f, v));
        Assert.All(mlp.Bias(0).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Weights_set_after_training_are_used_by_the_next_pass_and_trained_weights_are_copied_out()
    {
        var mlp = new Mlp([3, 4, 2], Activation.Tanh, WeightFills.Normalized, seed: 2);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.5f }, 1);
        var before = mlp.CopyWeight(0);
        trainer.Step([1f, 2f, 3f], [1]);
        var trained = mlp.CopyParameters();
        Assert.NotEqual(before, trained[..12]); // the copy holds the trained weights
        Assert.Equal(trained[..12], mlp.CopyWeight(0));
        mlp.SetParameters(new float[mlp.ParameterCount]);
        var logits = trainer.Pass.Forward([1f, 2f, 3f], 1).ToArray();
        Assert.Equal([0f, 0f], logits); // the zeroed weights are the ones the pass uses
    }

    [Fact]
    public void Construction_fills_nothing_and_the_fill_overload_is_Initialize()
    {
        Assert.All(new Mlp([6, 5, 3], Activation.Tanh).CopyParameters(), v => Assert.Equal(0f, v));
        var filled = new Mlp([6, 5, 3], Activation.Tanh, WeightFills.Normalized, 5);
        var initialized = new Mlp([6, 5, 3], Activation.Tanh);
        initialized.Initialize(WeightFills.Normalized, 5);
        Assert.Equal(initialized.CopyParameters(), filled.CopyParameters());
        Assert.Contains(filled.CopyWeight(0), v => v != 0);
    }

    [Fact]
    public void Copies_out_return_exactly_what_was_set_for_widths_that_are_not_whole_panels()
    {
        // 37 × 70 and 70 × 5: partial 32-column panels of the packed Wᵀ on both layers.
        var mlp = new Mlp([37, 70, 5], Activation.Tanh);
        var random = new Glorot.Random.RandomStream(3, 0);
        float[] parameters = [.. Enumerable.Range(0, mlp.ParameterCount).Select(_ => (float)random.NextDouble(-1, 1))];
        mlp.SetParameters(parameters);
        Assert.Equal(parameters, mlp.CopyParameters());
        Assert.Equal(parameters[..(37 * 70)], mlp.CopyWeight(0));
        Assert.Equal(parameters[(37 * 70)..(37 * 70 + 70)], mlp.Bias(0).ToArray());
        var w1 = mlp.CopyWeight(1);
        Assert.Equal(parameters[(37 * 70 + 70)..(37 * 70 + 70 + 70 * 5)], w1);
        Assert.Throws<ArgumentException>(() => mlp.SetWeight(1, new float[w1.Length + 1]));
        Assert.Throws<ArgumentException>(() => mlp.SetParameters(new float[mlp.ParameterCount - 1]));
    }

    [Fact]
    public void ScaleWeight_rounds_each_w_times_c_once_and_leaves_other_layers_and_the_padding_alone()
    {
        var mlp = new Mlp([37, 70, 5], Activation.Tanh, WeightFills.Normalized, 4);
        var before = mlp.CopyParameters();
        const double scale = 1 / 1.7;
        mlp.ScaleWeight(1, scale);
        var twin = new Mlp([37, 70, 5], Activation.Tanh);
        twin.SetParameters(before);
        twin.SetWeight(1, [.. twin.CopyWeight(1).Select(w => (float)(w * scale))]);
        Assert.Equal(twin.CopyParameters(), mlp.CopyParameters());
        Assert.Equal(before[..(37 * 70 + 70)], mlp.CopyParameters()[..(37 * 70 + 70)]);
        // The padding of the last panel stays zero: both networks give the same logits bit for bit.
        var x = new float[2 * 37];
        for (int i = 0; i < x.Length; i++) x[i] = MathF.Sin(i);
        Assert.Equal(new NetworkPass(twin, 2).Forward(x, 2).ToArray(), new NetworkPass(mlp, 2).Forward(x, 2).ToArray());
    }

    [Fact]
    public void FirstNonFiniteLayer_names_the_first_0_based_layer_with_a_non_finite_weight_or_bias()
    {
        var mlp = new Mlp([4, 3, 3, 2], Activation.Tanh, WeightFills.Normalized, 1);
        Assert.Null(mlp.FirstNonFiniteLayer());
        mlp.SetBias(2, [0, float.NaN]);
        Assert.Equal(2, mlp.FirstNonFiniteLayer());
        var w = mlp.CopyWeight(1);
        w[^1] = float.NegativeInfinity;
        mlp.SetWeight(1, w);
        Assert.Equal(1, mlp.FirstNonFiniteLayer());
    }

    [Theory]
    [InlineData("1000x5", new[] { 1000, 1000, 1000, 1000, 1000 })]
    [InlineData("500,300", new[] { 500, 300 })]
    [InlineData("64x2, 32", new[] { 64, 64, 32 })]
    [InlineData("", new int[0])]
    public void ParseHiddenWidths_reads_counts_and_lists(string text, int[] expected) =>
        Assert.Equal(expected, Mlp.ParseHiddenWidths(text));

    [Theory]
    [InlineData("0x3")]
    [InlineData("10x")]
    [InlineData("abc")]
    [InlineData("10x2x3")]
    [InlineData("-5")]
    public void ParseHiddenWidths_rejects_bad_text(string text) =>
        Assert.Throws<FormatException>(() => Mlp.ParseHiddenWidths(text));

    [Fact]
    public void Bad_widths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Mlp([5], Activation.Tanh));
        Assert.Throws<ArgumentException>(() => new Mlp([5, 0, 2], Activation.Tanh));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mlp([5, 2], Activation.Tanh).CopyWeight(1));
    }
}
