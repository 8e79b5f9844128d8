using Glorot.Init;

namespace Glorot.Tests.Init;

public class PresetsTests
{
    [Fact]
    public void Pytorch_linear_draws_weight_and_bias_from_U_plus_minus_one_over_root_in()
    {
        // nn.Linear(784, 256): kaiming_uniform_(w, a=√5) ⇒ bound = √3·√(2/(1 + 5))/√784 = 1/28; bias bound 1/√784.
        var init = Presets.Create("pytorch-linear", LayerSpec.Dense(784, 256));
        Assert.Equal([256, 784], init.WeightShape);
        Assert.Equal([256], init.BiasShape);
        double kaimingBound = Math.Sqrt(3) * Math.Sqrt(2.0 / (1 + 5)) / Math.Sqrt(784);
        Assert.Equal(kaimingBound, init.Weight.Describe(init.WeightShape).Bound!.Value, 14);
        Assert.Equal(1.0 / 28, init.Weight.Describe(init.WeightShape).Bound!.Value, 14);
        Assert.Equal(1.0 / 28, init.Bias.Describe(init.BiasShape).Bound!.Value, 14);
        Assert.True(SelfTest.Run(init.Weight, init.WeightShape, 1).Passed);
        Assert.True(SelfTest.Run(init.Bias, init.BiasShape, 2).Passed);
    }

    [Theory]
    // Conv2d(3, 64, 5): fan_in = 3·25.
    [InlineData(3, 64, 5, 1, false, 75)]
    // Conv2d(32, 32, 3, groups=32): fan_in = 1·9.
    [InlineData(32, 32, 3, 32, false, 9)]
    // ConvTranspose2d(16, 8, 4): PyTorch's fan_in is size(1)·k² = 8·16 (the layout guess; the true fan_in is 256).
    [InlineData(16, 8, 4, 1, true, 128)]
    // ConvTranspose2d(8, 12, 3, groups=2): weight [8, 6, 3, 3], fan_in = 6·9.
    [InlineData(8, 12, 3, 2, true, 54)]
    public void Pytorch_conv_uses_pytorchs_own_fan_in_for_weight_and_bias(int inChannels, int outChannels, int k, int groups, bool transposed, int torchFanIn)
    {
        var layer = LayerSpec.Parse("conv2d", inChannels, outChannels, [k, k], groups, transposed);
        var init = Presets.Create("pytorch-conv", layer);
        Assert.Equal(transposed ? [inChannels, outChannels / groups, k, k] : new[] { outChannels, inChannels / groups, k, k }, init.WeightShape);
        double bound = 1 / Math.Sqrt(torchFanIn);
        Assert.Equal(bound, init.Weight.Describe(init.WeightShape).Bound!.Value, 14);
        Assert.Equal(bound, init.Bias.Describe(init.BiasShape).Bound!.Value, 14);
    }

    [Fact]
    public void Keras_dense_is_glorot_uniform_with_zero_bias_in_keras_layout()
    {
        var init = Presets.Create("keras-dense", LayerSpec.Dense(784, 256));
        Assert.Equal([784, 256], init.WeightShape);
        Assert.Equal(Math.Sqrt(6.0 / (784 + 256)), init.Weight.Describe(init.WeightShape).Bound!.Value, 13);
        var bias = new float[256];
        init.Bias.Fill(bias, init.BiasShape, 3);
        Assert.All(bias, b => Assert.Equal(0f, b));
        Assert.True(SelfTest.Run(init.Weight, init.WeightShape, 4).Passed);
    }

    [Fact]
    public void Keras_conv_reproduces_keras_fans_for_depthwise_kernels()
    {
        // DepthwiseConv2D on 4 channels, 3×3: kernel [3, 3, 4, 1] ⇒ Keras fans (36, 9): bound √(6/45).
        var init = Presets.Create("keras-conv", LayerSpec.Convolution(4, 4, [3, 3], 4));
        Assert.Equal([3, 3, 4, 1], init.WeightShape);
        Assert.Equal(Math.Sqrt(6.0 / 45), init.Weight.Describe(init.WeightShape).Bound!.Value, 14);
    }

    [Fact]
    public void Flax_dense_is_lecun_normal_truncated_and_corrected_with_zero_bias()
    {
        // lecun_normal: variance_scaling(1, fan_in, truncated_normal) ⇒ values' std 1/√in, bounds ±2σ′, σ′ = std/0.8796.
        var init = Presets.Create("flax-dense", LayerSpec.Dense(300, 500));
        var stats = init.Weight.Describe(init.WeightShape);
        Assert.Equal("truncated-normal", stats.Distribution);
        Assert.Equal(1 / Math.Sqrt(300), stats.Std, 14);
        Assert.Equal(2 / Math.Sqrt(300) / 0.87962566103423978, stats.High!.Value, 12);
        Assert.True(SelfTest.Run(init.Weight, init.WeightShape, 5).Passed);
        Assert.Equal(0, init.Bias.Describe(init.BiasShape).Std);
    }

    [Fact]
    public void Flax_conv_takes_fan_in_from_in_over_groups_times_the_kernel()
    {
        var init = Presets.Create("flax-conv", LayerSpec.Convolution(8, 16, [3, 3], 2));
        Assert.Equal([3, 3, 4, 16], init.WeightShape);
        Assert.Equal(1 / Math.Sqrt(36), init.Weight.Describe(init.WeightShape).Std, 14);
    }

    [Theory]
    [InlineData("pytorch-linear", "pytorch-conv")]
    [InlineData("keras-dense", "keras-conv")]
    public void A_preset_rejects_a_layer_kind_it_does_not_serve_and_names_the_right_one(string preset, string suggestion)
    {
        var ex = Assert.Throws<ArgumentException>(() => Presets.Create(preset, LayerSpec.Convolution(3, 8, [3, 3])));
        Assert.Contains(suggestion, ex.Message);
    }

    [Fact]
    public void Unknown_presets_list_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => Presets.Find("caffe-default"));
        Assert.Contains("pytorch-linear", ex.Message);
    }

    [Fact]
    public void Every_preset_builds_for_a_layer_it_serves()
    {
        foreach (var entry in Presets.All)
        {
            var layer = entry.Kinds.Contains(LayerKind.Dense) ? LayerSpec.Dense(10, 20) : LayerSpec.Convolution(4, 8, [3, 3]);
            var init = Presets.Create(entry.Name, layer);
            Assert.Equal(entry.Name, init.Weight.Describe(init.WeightShape).Scheme);
            Assert.Equal(layer.WeightCount, init.WeightShape.Aggregate(1L, (p, d) => p * d));
        }
    }
}
