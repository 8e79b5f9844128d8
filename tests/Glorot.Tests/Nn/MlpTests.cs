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
