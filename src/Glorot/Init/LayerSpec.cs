namespace Glorot.Init;

/// <summary>What kind of layer a weight belongs to.</summary>
public enum LayerKind
{
    /// <summary>y = W·x, W is [out, in] (PyTorch) or [in, out] (Keras).</summary>
    Dense,
    /// <summary>Convolution, possibly grouped (depthwise when groups = in).</summary>
    Convolution,
    /// <summary>Transposed convolution (the adjoint of a convolution; "deconvolution").</summary>
    TransposedConvolution,
}

/// <summary>Whose rule computes the fans: the layer's own arithmetic, or a framework's guess from the tensor layout.</summary>
public enum FanConvention
{
    /// <summary>
    /// From what the layer computes: fan_in = inputs each output unit sums over, fan_out = outputs each input
    /// unit feeds (see <see cref="LayerSpec.Fans"/>). Right for every layer kind.
    /// </summary>
    Layer,
    /// <summary>
    /// PyTorch's <c>_calculate_fan_in_and_fan_out</c> on the module's weight: fan_in = size(1)·Πk,
    /// fan_out = size(0)·Πk. Wrong for depthwise fan_out (pytorch#23854) and for every transposed convolution
    /// (pytorch#7865), because ConvTranspose stores [in, out/groups, k…].
    /// </summary>
    PyTorch,
    /// <summary>
    /// Keras' <c>compute_fans</c> on the layer's kernel: fan_in = shape[−2]·Πk, fan_out = shape[−1]·Πk. Wrong for
    /// Conv*Transpose (kernel [k…, out, in], fans swapped; tensorflow#31192), depthwise fan_in (kernel
    /// [k…, in, multiplier]; keras#11773) and grouped fan_out.
    /// </summary>
    Keras,
}

/// <summary>
/// A layer described by what it is — kind, input and output channels (features), kernel, groups — from which its
/// weight's fans follow by counting connections rather than by guessing from the tensor's layout.
/// </summary>
/// <remarks>
/// <para>Derivation (stride 1; K = Πk, the kernel's receptive field; G = groups, which divides in and out):</para>
/// <list type="bullet">
/// <item><b>Dense</b>: y_o = Σ_i W[o, i]·x_i. Each output sums over in inputs, each input feeds out outputs:
/// fan_in = in, fan_out = out.</item>
/// <item><b>Convolution</b>: output channel o belongs to group g = o / (out/G) and reads only that group's in/G
/// input channels, each through K kernel taps: fan_in = (in/G)·K. An input value of channel c is read by the
/// out/G output channels of its group, each at K output positions (one per tap): fan_out = (out/G)·K.
/// Depthwise (G = in, out = m·in): fan_in = K, fan_out = m·K.</item>
/// <item><b>Transposed convolution</b>: the adjoint of a convolution from out to in channels, so the roles
/// swap: each input value is scattered to the out/G output channels of its group through K taps, and each
/// output value gathers (in/G)·K contributions: fan_in = (in/G)·K, fan_out = (out/G)·K — the same numbers as
/// the convolution with the same in, out and G; only the weight's storage ([in, out/G, k…] in PyTorch) differs.</item>
/// </list>
/// <para>With stride s > 1 the side that the stride thins counts Πs times fewer connections on average (fan_out of
/// a convolution, fan_in of a transposed convolution); no framework models this and neither does this type.</para>
/// </remarks>
/// <param name="Kind">Dense, convolution or transposed convolution.</param>
/// <param name="In">Input features (dense) or input channels (convolutions).</param>
/// <param name="Out">Output features or output channels.</param>
/// <param name="Kernel">Spatial kernel sizes (empty for dense; 1 to 3 sizes for convolutions).</param>
/// <param name="Groups">Channel groups; 1 for an ordinary convolution, In for depthwise.</param>
public sealed record LayerSpec(LayerKind Kind, int In, int Out, int[] Kernel, int Groups = 1)
{
    /// <summary>A dense layer in → out.</summary>
    public static LayerSpec Dense(int inFeatures, int outFeatures) => new(LayerKind.Dense, inFeatures, outFeatures, []);

    /// <summary>A convolution (grouped when <paramref name="groups"/> &gt; 1, depthwise when it equals in).</summary>
    public static LayerSpec Convolution(int inChannels, int outChannels, int[] kernel, int groups = 1) =>
        new(LayerKind.Convolution, inChannels, outChannels, kernel, groups);

    /// <summary>A transposed convolution in → out channels.</summary>
    public static LayerSpec TransposedConvolution(int inChannels, int outChannels, int[] kernel, int groups = 1) =>
        new(LayerKind.TransposedConvolution, inChannels, outChannels, kernel, groups);

    /// <summary>Parses the CLI's layer names: dense | linear | conv1d | conv2d | conv3d (with <paramref name="transposed"/>).</summary>
    /// <exception cref="ArgumentException">Unknown name, or a kernel whose rank does not match the name.</exception>
    public static LayerSpec Parse(string kind, int inChannels, int outChannels, int[]? kernel, int groups, bool transposed)
    {
        var name = kind.Trim().ToLowerInvariant();
        if (name is "dense" or "linear")
        {
            if (kernel is { Length: > 0 }) throw new ArgumentException("A dense layer has no --kernel.");
            if (groups != 1) throw new ArgumentException("A dense layer has no --groups.");
            if (transposed) throw new ArgumentException("--transposed applies to convolutions only.");
            return Checked(Dense(inChannels, outChannels));
        }
        int rank = name switch
        {
            "conv1d" => 1, "conv2d" => 2, "conv3d" => 3,
            "conv" => kernel?.Length ?? 0,
            _ => throw new ArgumentException($"Unknown layer '{kind}'. Known: dense, conv1d, conv2d, conv3d (add --transposed for a transposed convolution)."),
        };
        if (kernel is null || kernel.Length == 0) throw new ArgumentException($"Layer {name} needs --kernel, e.g. --kernel 5x5.");
        if (kernel.Length != rank)
            throw new ArgumentException($"Layer {name} needs a kernel of {rank} size(s); got {kernel.Length} ({string.Join("x", kernel)}).");
        var spec = new LayerSpec(transposed ? LayerKind.TransposedConvolution : LayerKind.Convolution, inChannels, outChannels, kernel, groups);
        return Checked(spec);
    }

    /// <summary>Throws a clear <see cref="ArgumentException"/> if the description is not a valid layer.</summary>
    public static LayerSpec Checked(LayerSpec spec)
    {
        spec.Validate();
        return spec;
    }

    /// <summary>Πk, the number of kernel taps (1 for dense).</summary>
    public long ReceptiveField
    {
        get
        {
            long product = 1;
            foreach (var k in Kernel) product *= k;
            return product;
        }
    }

    /// <summary>True for a convolution with groups = in (one filter bank per input channel).</summary>
    public bool IsDepthwise => Kind != LayerKind.Dense && Groups == In && Groups > 1;

    /// <summary>The fans from counting connections (see the derivation in the remarks of this type).</summary>
    public Fans Fans
    {
        get
        {
            Validate();
            long k = ReceptiveField;
            return new Fans(In / Groups * k, Out / Groups * k);
        }
    }

    /// <summary>The fans under a convention: this layer's own, or what a framework computes from its weight.</summary>
    public Fans FansBy(FanConvention convention)
    {
        Validate();
        return convention switch
        {
            FanConvention.Layer => Fans,
            FanConvention.PyTorch => Init.Fans.Of(WeightShape(TensorLayout.OutInKernel)),
            FanConvention.Keras => Init.Fans.Of(WeightShape(TensorLayout.KernelInOut), TensorLayout.KernelInOut),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, null),
        };
    }

    /// <summary>
    /// The weight's shape as the framework of <paramref name="layout"/> stores it:
    /// PyTorch dense [out, in], conv [out, in/G, k…], transposed [in, out/G, k…];
    /// Keras dense [in, out], conv [k…, in/G, out], transposed [k…, out, in] (Keras has no grouped transposed
    /// convolution; G must be 1), depthwise (G = in) [k…, in, out/in].
    /// </summary>
    public int[] WeightShape(TensorLayout layout = TensorLayout.OutInKernel)
    {
        Validate();
        if (layout == TensorLayout.OutInKernel)
            return Kind switch
            {
                LayerKind.Dense => [Out, In],
                LayerKind.Convolution => [Out, In / Groups, .. Kernel],
                _ => [In, Out / Groups, .. Kernel],
            };
        return Kind switch
        {
            LayerKind.Dense => [In, Out],
            LayerKind.Convolution when IsDepthwise => [.. Kernel, In, Out / In],
            LayerKind.Convolution => [.. Kernel, In / Groups, Out],
            _ when Groups == 1 => [.. Kernel, Out, In],
            _ => throw new ArgumentException("Keras has no grouped transposed convolution; use --layout pytorch."),
        };
    }

    /// <summary>Number of weight values: out·(in/G)·K.</summary>
    public long WeightCount
    {
        get
        {
            Validate();
            return (long)Out * (In / Groups) * ReceptiveField;
        }
    }

    /// <summary>"conv2d 3→64, kernel 5x5, groups 1" — how reports name the layer.</summary>
    public override string ToString() => Kind switch
    {
        LayerKind.Dense => $"dense {In}→{Out}",
        _ => $"{(Kind == LayerKind.TransposedConvolution ? "conv-transpose" : "conv")}{Kernel.Length}d {In}→{Out}, kernel {string.Join("x", Kernel)}, groups {Groups}",
    };

    private void Validate()
    {
        if (In <= 0 || Out <= 0) throw new ArgumentException($"A layer needs positive in and out; got in {In}, out {Out}.");
        if (Kind == LayerKind.Dense)
        {
            if (Kernel.Length != 0 || Groups != 1) throw new ArgumentException("A dense layer has no kernel and no groups.");
            return;
        }
        if (Kernel.Length is < 1 or > 3)
            throw new ArgumentException($"A convolution needs 1 to 3 kernel sizes; got {Kernel.Length}.");
        foreach (var k in Kernel)
            if (k <= 0) throw new ArgumentException($"Kernel sizes must be positive; got {string.Join("x", Kernel)}.");
        if (Groups <= 0 || In % Groups != 0 || Out % Groups != 0)
            throw new ArgumentException($"groups ({Groups}) must be positive and divide both in ({In}) and out ({Out}).");
        if ((long)Out * (In / Groups) * ReceptiveField > Array.MaxLength)
            throw new ArgumentException($"The weight of {this} has more values than one array can hold.");
    }

    /// <summary>Value equality that compares the kernel sizes, not the array reference.</summary>
    public bool Equals(LayerSpec? other) =>
        other is not null && Kind == other.Kind && In == other.In && Out == other.Out && Groups == other.Groups
        && Kernel.AsSpan().SequenceEqual(other.Kernel);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind); hash.Add(In); hash.Add(Out); hash.Add(Groups);
        foreach (var k in Kernel) hash.Add(k);
        return hash.ToHashCode();
    }
}
