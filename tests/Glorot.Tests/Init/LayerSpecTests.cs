using CsCheck;
using Glorot.Init;

namespace Glorot.Tests.Init;

public class LayerSpecTests
{
    // Hand-computed: (kind, in, out, kernel, groups) → fans counted from the layer, and what PyTorch and Keras
    // compute from their weight layouts. K = Πk.
    public static TheoryData<LayerSpec, Fans, Fans, Fans> Table => new()
    {
        // dense 784 → 256: everyone agrees.
        { LayerSpec.Dense(784, 256), new(784, 256), new(784, 256), new(784, 256) },
        // conv2d 3 → 64, 5×5 (K = 25): fan_in 3·25, fan_out 64·25; everyone agrees.
        { LayerSpec.Convolution(3, 64, [5, 5]), new(75, 1600), new(75, 1600), new(75, 1600) },
        // conv3d 2 → 4, 3×3×3 (K = 27).
        { LayerSpec.Convolution(2, 4, [3, 3, 3]), new(54, 108), new(54, 108), new(54, 108) },
        // grouped conv2d 8 → 16, 3×3, G = 2: each output reads 4 channels·9 taps = 36; each input feeds 8·9 = 72.
        // PyTorch [16, 4, 3, 3] and Keras [3, 3, 4, 16] do not divide fan_out by G: 144.
        { LayerSpec.Convolution(8, 16, [3, 3], 2), new(36, 72), new(36, 144), new(36, 144) },
        // depthwise conv2d 4 → 4, 3×3, G = 4 (pytorch#23854): true (9, 9); PyTorch (9, 36);
        // Keras DepthwiseConv2D kernel [3, 3, 4, 1]: (36, 9).
        { LayerSpec.Convolution(4, 4, [3, 3], 4), new(9, 9), new(9, 36), new(36, 9) },
        // depthwise with multiplier 2, 4 → 8: true (9, 18); PyTorch [8, 1, 3, 3] (9, 72); Keras [3, 3, 4, 2] (36, 18).
        { LayerSpec.Convolution(4, 8, [3, 3], 4), new(9, 18), new(9, 72), new(36, 18) },
        // transposed conv2d 16 → 8, 4×4 (K = 16): each input scatters to 8·16 outputs, each output gathers 16·16.
        // PyTorch [16, 8, 4, 4] and Keras [4, 4, 8, 16] both swap them (pytorch#7865, tensorflow#31192).
        { LayerSpec.TransposedConvolution(16, 8, [4, 4]), new(256, 128), new(128, 256), new(128, 256) },
        // transposed conv1d 8 → 12, k = 3, G = 2: true fan_in 4·3 = 12, fan_out 6·3 = 18; PyTorch [8, 6, 3] gives (18, 24).
        { LayerSpec.TransposedConvolution(8, 12, [3], 2), new(12, 18), new(18, 24), new(0, 0) },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Fans_match_the_hand_computed_table_for_the_layer_and_each_framework(LayerSpec layer, Fans counted, Fans pytorch, Fans keras)
    {
        Assert.Equal(counted, layer.Fans);
        Assert.Equal(counted, layer.FansBy(FanConvention.Layer));
        Assert.Equal(pytorch, layer.FansBy(FanConvention.PyTorch));
        if (keras.FanIn == 0) Assert.Throws<ArgumentException>(() => layer.FansBy(FanConvention.Keras)); // Keras has no grouped transposed conv
        else Assert.Equal(keras, layer.FansBy(FanConvention.Keras));
    }

    [Theory]
    [InlineData(LayerKind.Convolution, 6, 4, 3, 2, 1)]
    [InlineData(LayerKind.Convolution, 6, 9, 3, 2, 3)]
    [InlineData(LayerKind.Convolution, 4, 4, 2, 3, 4)]
    [InlineData(LayerKind.TransposedConvolution, 6, 4, 3, 2, 1)]
    [InlineData(LayerKind.TransposedConvolution, 6, 9, 3, 3, 3)]
    [InlineData(LayerKind.TransposedConvolution, 4, 8, 2, 2, 4)]
    public void Fans_equal_the_connections_counted_in_a_real_2d_convolution(LayerKind kind, int inChannels, int outChannels, int kh, int kw, int groups)
    {
        // Enumerate every (input unit → output unit) connection of a stride-1 2-D (transposed) convolution on a
        // 12×12 grid and count the degree of an interior unit, which is what the fans claim to be.
        var layer = new LayerSpec(kind, inChannels, outChannels, [kh, kw], groups);
        const int size = 12;
        var fanIn = new Dictionary<(int, int, int), int>();
        var fanOut = new Dictionary<(int, int, int), int>();
        int inPerGroup = inChannels / groups, outPerGroup = outChannels / groups;
        for (var c = 0; c < inChannels; c++)
        for (var o = 0; o < outChannels; o++)
        {
            if (c / inPerGroup != o / outPerGroup) continue; // different groups are not connected
            for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            for (var i = 0; i < kh; i++)
            for (var j = 0; j < kw; j++)
            {
                // Convolution: output (o, y, x) reads input (c, y + i, x + j). Transposed: input (c, y, x) is
                // scattered to output (o, y + i, x + j).
                var (input, output) = kind == LayerKind.Convolution
                    ? ((c, y + i, x + j), (o, y, x))
                    : ((c, y, x), (o, y + i, x + j));
                fanIn[output] = fanIn.GetValueOrDefault(output) + 1;
                fanOut[input] = fanOut.GetValueOrDefault(input) + 1;
            }
        }
        int centre = size / 2;
        Assert.Equal(layer.Fans.FanIn, fanIn[(0, centre, centre)]);
        Assert.Equal(layer.Fans.FanOut, fanOut[(0, centre, centre)]);
    }

    [Fact]
    public void Every_weight_joins_one_input_channel_to_one_output_channel_so_out_fan_in_equals_in_fan_out_equals_weights()
    {
        // Counting the weights from either side: out·fan_in = out·(in/G)·K = in·(out/G)·K = in·fan_out.
        var layers =
            from kind in Gen.Enum<LayerKind>()
            from groups in Gen.Int[1, 4]
            from inPerGroup in Gen.Int[1, 6]
            from outPerGroup in Gen.Int[1, 6]
            from kernel in Gen.Int[1, 5].Array[kind == LayerKind.Dense ? 0 : 1, kind == LayerKind.Dense ? 0 : 3]
            select new LayerSpec(kind, inPerGroup * (kind == LayerKind.Dense ? 1 : groups), outPerGroup * (kind == LayerKind.Dense ? 1 : groups),
                kernel, kind == LayerKind.Dense ? 1 : groups);
        layers.Sample(layer =>
        {
            var fans = layer.Fans;
            Assert.Equal(layer.WeightCount, layer.Out * fans.FanIn);
            Assert.Equal(layer.WeightCount, layer.In * fans.FanOut);
            Assert.Equal(layer.WeightCount, layer.WeightShape().Aggregate(1L, (p, d) => p * d));
        }, iter: 500);
    }

    [Theory]
    [InlineData(TensorLayout.OutInKernel, new[] { 64, 3, 5, 5 })]
    [InlineData(TensorLayout.KernelInOut, new[] { 5, 5, 3, 64 })]
    public void Weight_shape_follows_the_frameworks_layout(TensorLayout layout, int[] expected) =>
        Assert.Equal(expected, LayerSpec.Convolution(3, 64, [5, 5]).WeightShape(layout));

    [Fact]
    public void Transposed_weight_is_stored_in_out_in_pytorch_and_out_in_reversed_in_keras()
    {
        var layer = LayerSpec.TransposedConvolution(16, 8, [4, 4]);
        Assert.Equal([16, 8, 4, 4], layer.WeightShape(TensorLayout.OutInKernel));
        Assert.Equal([4, 4, 8, 16], layer.WeightShape(TensorLayout.KernelInOut));
        Assert.Equal(16 * 8 * 16, layer.WeightCount);
    }

    [Fact]
    public void Parse_reads_the_cli_spelling()
    {
        Assert.Equal(LayerSpec.Convolution(3, 64, [5, 5]), LayerSpec.Parse("conv2d", 3, 64, [5, 5], 1, false));
        Assert.Equal(LayerSpec.TransposedConvolution(3, 64, [5]), LayerSpec.Parse("Conv1d", 3, 64, [5], 1, true));
        Assert.Equal(LayerSpec.Dense(784, 256), LayerSpec.Parse("linear", 784, 256, null, 1, false));
        Assert.True(LayerSpec.Parse("conv2d", 8, 8, [3, 3], 8, false).IsDepthwise);
    }

    [Theory]
    [InlineData("conv2d", 3, 64, new[] { 5 }, 1, "kernel of 2")]
    [InlineData("conv2d", 3, 64, new int[0], 1, "needs --kernel")]
    [InlineData("conv2d", 3, 64, new[] { 3, 3 }, 2, "divide both in (3)")]
    [InlineData("conv2d", 0, 64, new[] { 3, 3 }, 1, "positive in and out")]
    [InlineData("conv2d", 3, 64, new[] { 3, 0 }, 1, "must be positive")]
    [InlineData("dense", 3, 64, new[] { 3 }, 1, "no --kernel")]
    [InlineData("pool2d", 3, 64, new[] { 3, 3 }, 1, "Unknown layer")]
    public void Invalid_layers_get_errors_that_name_the_problem(string kind, int inChannels, int outChannels, int[] kernel, int groups, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => LayerSpec.Parse(kind, inChannels, outChannels, kernel, groups, false));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Layers_with_equal_kernels_are_equal()
    {
        Assert.Equal(LayerSpec.Convolution(3, 4, [3, 3]), LayerSpec.Convolution(3, 4, [3, 3]));
        Assert.Equal(LayerSpec.Convolution(3, 4, [3, 3]).GetHashCode(), LayerSpec.Convolution(3, 4, [3, 3]).GetHashCode());
        Assert.NotEqual(LayerSpec.Convolution(3, 4, [3, 3]), LayerSpec.Convolution(3, 4, [3, 5]));
    }

    [Fact]
    public void A_variance_scaling_scheme_takes_its_fans_from_the_layer_and_checks_the_shape()
    {
        var layer = LayerSpec.TransposedConvolution(16, 8, [4, 4]);
        var he = (VarianceScaling)Schemes.Create("he-normal", new InitOptions { Layer = layer });
        var stats = he.Describe(layer.WeightShape());
        Assert.Equal(new Fans(256, 128), stats.Fans);
        Assert.Equal(Math.Sqrt(2.0 / 256), stats.Std, 12);
        var asTorch = (VarianceScaling)Schemes.Create("he-normal", new InitOptions { Layer = layer, FanConvention = FanConvention.PyTorch });
        Assert.Equal(Math.Sqrt(2.0 / 128), asTorch.Describe(layer.WeightShape()).Std, 12);
        var ex = Assert.Throws<ArgumentException>(() => he.Describe([16, 8, 4, 5]));
        Assert.Contains("holds", ex.Message);
    }
}
