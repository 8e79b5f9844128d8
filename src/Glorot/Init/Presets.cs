namespace Glorot.Init;

/// <summary>The initializers of one layer's parameters, with the shapes they fill (in the framework's layout).</summary>
/// <param name="Preset">The preset's name.</param>
/// <param name="Layer">The layer.</param>
/// <param name="Weight">The weight's initializer.</param>
/// <param name="WeightShape">The weight's shape as the preset's framework stores it.</param>
/// <param name="Bias">The bias' initializer.</param>
/// <param name="BiasShape">[out].</param>
public sealed record LayerInit(string Preset, LayerSpec Layer, Initializer Weight, int[] WeightShape, Initializer Bias, int[] BiasShape)
{
    /// <summary>Draws the weight from (seed, stream) and the bias from (seed, stream + 1), each with its provenance.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stream"/> is the last one, leaving none for the bias.</exception>
    public (Tensor Weight, Tensor Bias) Draw(ulong seed, ulong stream = 0)
    {
        if (stream == ulong.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(stream), stream, "The bias draws from stream + 1; give a smaller stream.");
        return (Weight.Create(WeightShape, seed, stream), Bias.Create(BiasShape, seed, stream + 1));
    }
}

/// <summary>
/// Framework presets for porting: a layer's weight and bias initialized exactly as a framework's default module
/// does, fans included (quirks too: a preset reproduces the framework, it does not correct it).
/// </summary>
/// <remarks>
/// Sources (docs/INITIALIZERS.md §2): PyTorch <c>nn.Linear</c>/<c>_ConvNd.reset_parameters</c>
/// (<c>kaiming_uniform_(w, a=√5)</c> = U(±1/√fan_in), bias U(±1/√fan_in), fan_in from the weight's layout, so
/// ConvTranspose uses (out/groups)·Πk); Keras <c>Dense</c>/<c>Conv</c> (<c>glorot_uniform</c>, bias zeros;
/// fans from the kernel's layout); Flax <c>Dense</c>/<c>Conv</c> (<c>lecun_normal</c> = variance scaling 1,
/// fan_in, truncated normal corrected to the target std; bias zeros).
/// </remarks>
public static class Presets
{
    /// <summary>A preset: its framework, what it draws, the layer kinds it serves, and how it builds.</summary>
    /// <param name="Name">Canonical name, as the CLI spells it.</param>
    /// <param name="Framework">"PyTorch", "Keras", "Flax".</param>
    /// <param name="Formula">Weight and bias rules, with the source.</param>
    /// <param name="Kinds">The layer kinds it applies to.</param>
    /// <param name="Build">Builds the layer's initializers.</param>
    public sealed record Entry(string Name, string Framework, string Formula, LayerKind[] Kinds, Func<LayerSpec, LayerInit> Build);

    private static readonly LayerKind[] Convolutions = [LayerKind.Convolution, LayerKind.TransposedConvolution];

    /// <summary>Every preset, in the order <c>glorot init --list</c> prints them.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new("pytorch-linear", "PyTorch", "weight and bias U(±1/√fan_in), fan_in = in (nn.Linear.reset_parameters)",
            [LayerKind.Dense], layer => PyTorch("pytorch-linear", layer)),
        new("pytorch-conv", "PyTorch", "weight and bias U(±1/√fan_in), fan_in = size(1)·Πk of the weight: (in/groups)·Πk for ConvNd, (out/groups)·Πk for ConvTransposeNd (PyTorch's layout guess, kept for parity)",
            Convolutions, layer => PyTorch("pytorch-conv", layer)),
        new("keras-dense", "Keras", "weight glorot_uniform U(±√(6/(in + out))), bias zeros (keras.layers.Dense)",
            [LayerKind.Dense], layer => Keras("keras-dense", layer)),
        new("keras-conv", "Keras", "kernel glorot_uniform with Keras' fans of [k…, in/groups, out] ([k…, out, in] transposed, [k…, in, multiplier] depthwise), bias zeros",
            Convolutions, layer => Keras("keras-conv", layer)),
        new("flax-dense", "Flax", "kernel lecun_normal: N(0, 1/in) truncated at ±2σ′ and corrected to std 1/√in; bias zeros (flax.linen.Dense)",
            [LayerKind.Dense], layer => Flax("flax-dense", layer)),
        new("flax-conv", "Flax", "kernel lecun_normal with fan_in = (in/groups)·Πk (kernel [k…, in/groups, out]), bias zeros (flax.linen.Conv)",
            [LayerKind.Convolution], layer => Flax("flax-conv", layer)),
    ];

    /// <summary>The entry for a name (case and '_' vs '-' ignored).</summary>
    /// <exception cref="ArgumentException">Unknown preset; the message suggests the nearest names.</exception>
    public static Entry Find(string name)
    {
        var key = name.Trim().ToLowerInvariant().Replace('_', '-');
        return All.FirstOrDefault(e => e.Name == key)
            ?? throw new ArgumentException($"Unknown preset '{name}'.{NameSuggestions.Hint(name, All.Select(e => e.Name))} Known: {string.Join(", ", All.Select(e => e.Name))}.");
    }

    /// <summary>The initializers a preset gives the layer's weight and bias.</summary>
    /// <exception cref="ArgumentException">Unknown preset, or a layer kind the preset does not serve.</exception>
    public static LayerInit Create(string name, LayerSpec layer)
    {
        var entry = Find(name);
        LayerSpec.Checked(layer);
        if (!entry.Kinds.Contains(layer.Kind))
            throw new ArgumentException(
                $"Preset '{entry.Name}' is for {string.Join(" or ", entry.Kinds.Select(KindName))} layers; got {layer}." +
                (layer.Kind == LayerKind.Dense ? " Use pytorch-linear, keras-dense or flax-dense." : " Use pytorch-conv, keras-conv or flax-conv."));
        return entry.Build(layer);
    }

    private static string KindName(LayerKind kind) => kind switch
    {
        LayerKind.Dense => "dense", LayerKind.Convolution => "convolution", _ => "transposed convolution",
    };

    // PyTorch: kaiming_uniform_(w, a=√5) ⇒ gain √(2/(1 + 5)) = √(1/3), bound √3·gain/√fan_in = 1/√fan_in, i.e.
    // variance scaling with scale 1/3 on fan_in; bias bound 1/√fan_in with the same (layout-guessed) fan_in.
    private static LayerInit PyTorch(string name, LayerSpec layer)
    {
        var weight = new VarianceScaling(1.0 / 3.0, FanMode.FanIn, Distribution.Uniform, 1.0, TensorLayout.OutInKernel, name)
        {
            Layer = layer, FanConvention = FanConvention.PyTorch,
        };
        double bound = 1 / Math.Sqrt(layer.FansBy(FanConvention.PyTorch).FanIn);
        return new LayerInit(name, layer, weight, layer.WeightShape(TensorLayout.OutInKernel),
            new RandomUniform(-bound, bound, name + "-bias"), [layer.Out]);
    }

    // Keras: GlorotUniform = VarianceScaling(1, fan_avg, uniform) with compute_fans on the kernel's own layout.
    private static LayerInit Keras(string name, LayerSpec layer)
    {
        var weight = new VarianceScaling(1.0, FanMode.FanAvg, Distribution.Uniform, 1.0, TensorLayout.KernelInOut, name)
        {
            Layer = layer, FanConvention = FanConvention.Keras,
        };
        return new LayerInit(name, layer, weight, layer.WeightShape(TensorLayout.KernelInOut), new Constant(0, name + "-bias"), [layer.Out]);
    }

    // Flax: lecun_normal = variance_scaling(1, "fan_in", "truncated_normal"), in_axis −2 of [k…, in/groups, out],
    // so fan_in = (in/groups)·Πk, which is the layer's own fan_in.
    private static LayerInit Flax(string name, LayerSpec layer)
    {
        var weight = new VarianceScaling(1.0, FanMode.FanIn, Distribution.TruncatedNormal, 1.0, TensorLayout.KernelInOut, name)
        {
            Layer = layer, FanConvention = FanConvention.Layer,
        };
        int[] shape = layer.Kind == LayerKind.Dense ? [layer.In, layer.Out] : [.. layer.Kernel, layer.In / layer.Groups, layer.Out];
        return new LayerInit(name, layer, weight, shape, new Constant(0, name + "-bias"), [layer.Out]);
    }
}
