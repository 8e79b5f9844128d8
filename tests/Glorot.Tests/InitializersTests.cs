using Glorot.Init;

namespace Glorot.Tests;

public sealed class InitializersTests
{
    /// <summary>Each typed method against the registry entry it stands for: the same object, so the same draws.</summary>
    public static TheoryData<string, Initializer, Initializer> Pairs => new()
    {
        { "standard", Initializers.Standard(), Schemes.Create("standard") },
        { "xavier-uniform", Initializers.XavierUniform(gain: 5.0 / 3), Schemes.Create("xavier-uniform", new InitOptions { Gain = 5.0 / 3 }) },
        { "xavier-normal", Initializers.XavierNormal(), Schemes.Create("xavier-normal") },
        { "he-uniform", Initializers.HeUniform(), Schemes.Create("he-uniform") },
        { "he-normal fan-out", Initializers.HeNormal(mode: FanMode.FanOut), Schemes.Create("kaiming-normal", new InitOptions { Mode = FanMode.FanOut }) },
        { "he-normal leaky", Initializers.HeNormal("leaky-relu:0.2"), Schemes.Create("he-normal", new InitOptions { Nonlinearity = "leaky-relu:0.2" }) },
        { "lecun-uniform", Initializers.LeCunUniform(), Schemes.Create("lecun-uniform") },
        { "lecun-normal", Initializers.LeCunNormal(), Schemes.Create("lecun-normal") },
        { "variance-scaling", Initializers.VarianceScaling(2, FanMode.FanAvg), Schemes.Create("variance-scaling", new InitOptions { Scale = 2, Mode = FanMode.FanAvg }) },
        { "orthogonal", Initializers.Orthogonal(1.5), Schemes.Create("orthogonal", new InitOptions { Gain = 1.5 }) },
        { "uniform", Initializers.Uniform(-1, 1), Schemes.Create("uniform", new InitOptions { Low = -1, High = 1 }) },
        { "normal", Initializers.Normal(0, 0.02), Schemes.Create("normal", new InitOptions { Std = 0.02 }) },
        { "truncated-normal", Initializers.TruncatedNormal(std: 0.02, a: -0.04, b: 0.04), Schemes.Create("trunc_normal_", new InitOptions { Std = 0.02, Low = -0.04, High = 0.04 }) },
        { "identity", Initializers.Identity(), Schemes.Create("eye") },
        { "dirac", Initializers.Dirac(2), Schemes.Create("dirac", new InitOptions { Groups = 2 }) },
        { "constant", Initializers.Constant(0.1), Schemes.Create("constant", new InitOptions { Value = 0.1 }) },
        { "zeros", Initializers.Zeros(), Schemes.Create("zeros") },
        { "ones", Initializers.Ones(), Schemes.Create("ones") },
        { "keras glorot uniform", Initializers.Keras.GlorotUniform(), Schemes.Create("keras-glorot-uniform") },
        { "keras glorot normal", Initializers.Keras.GlorotNormal(), Schemes.Create("keras-glorot-normal") },
        { "keras he uniform", Initializers.Keras.HeUniform(), Schemes.Create("keras-he-uniform") },
        { "keras he normal", Initializers.Keras.HeNormal(), Schemes.Create("keras-he-normal") },
        { "keras lecun uniform", Initializers.Keras.LeCunUniform(), Schemes.Create("keras-lecun-uniform") },
        { "keras lecun normal", Initializers.Keras.LeCunNormal(), Schemes.Create("keras-lecun-normal") },
        { "keras truncated normal", Initializers.Keras.TruncatedNormal(), Schemes.Create("tf-truncated-normal") },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_typed_method_is_its_registry_entry(string what, Initializer typed, Initializer named)
    {
        Assert.True(typed.Equals(named), what);
        int[] shape = typed.Scheme == "identity" ? [16, 8] : [16, 8, 3, 3];
        Assert.Equal(named.Describe(shape), typed.Describe(shape));
    }

    [Fact]
    public void Every_registry_scheme_has_a_typed_method()
    {
        var typed = Pairs.Select(row => ((Initializer)row[1]).Scheme).ToHashSet();
        // Schemes with several typed spellings (the truncated-normal family) count once; jax and corrected
        // truncated normals are reached through TruncatedNormals.
        foreach (var entry in Schemes.All.Where(e => e.Name is not ("jax-truncated-normal" or "truncated-normal-corrected" or "caffe-xavier")))
            Assert.Contains(entry.Name, typed);
    }

    [Fact]
    public void Framework_layers_draw_their_weight_and_bias_from_consecutive_streams()
    {
        var layer = Initializers.PyTorch.Linear(784, 256);
        var preset = Presets.Create("pytorch-linear", LayerSpec.Dense(784, 256));
        Assert.Equal(preset.Weight, layer.Weight);
        Assert.Equal(preset.Bias, layer.Bias);
        Assert.Equal(preset.WeightShape, layer.WeightShape);
        var (weight, bias) = layer.Draw(seed: 3, stream: 5);
        Assert.Equal([256, 784], weight.Shape);
        Assert.Equal([256], bias.Shape);
        Assert.Equal(layer.Weight.Create([256, 784], 3, 5).Data, weight.Data);
        Assert.Equal(layer.Bias.Create([256], 3, 6).Data, bias.Data);
        Assert.Equal(6UL, bias.Provenance!.Stream);
        Assert.Throws<ArgumentOutOfRangeException>(() => layer.Draw(1, ulong.MaxValue));
        Assert.Equal([784, 256], Initializers.Keras.Dense(784, 256).WeightShape);
        Assert.Equal("flax-dense", Initializers.Flax.Dense(784, 256).Preset);
        Assert.Equal([64, 3, 5, 5], Initializers.PyTorch.Conv(3, 64, [5, 5]).WeightShape);
    }

    [Fact]
    public void Create_documents_every_scheme_name()
    {
        // The XML documentation of Schemes.Create lists the names, for IntelliSense.
        string xml = File.ReadAllText(Path.ChangeExtension(typeof(Schemes).Assembly.Location, ".xml"));
        int at = xml.IndexOf("name=\"M:Glorot.Init.Schemes.Create(", StringComparison.Ordinal);
        Assert.True(at >= 0);
        string doc = xml[at..xml.IndexOf("</member>", at, StringComparison.Ordinal)];
        foreach (var entry in Schemes.All) Assert.Contains($"<c>{entry.Name}</c>", doc);
        foreach (var alias in Schemes.Aliases.Keys) Assert.Contains(alias, doc);
    }
}
