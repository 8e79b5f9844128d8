namespace Glorot.Init;

/// <summary>
/// Every named scheme, as the CLI spells it, with its formula and source; aliases (glorot = xavier,
/// kaiming = he) resolve here. Fan-based schemes are one-line presets of <see cref="VarianceScaling"/>.
/// </summary>
public static class Schemes
{
    /// <summary>A named scheme: its formula, the options it takes, and how to build it.</summary>
    /// <param name="Name">Canonical name.</param>
    /// <param name="Formula">Distribution and variance, with the source.</param>
    /// <param name="Options">Option names it accepts.</param>
    /// <param name="Build">Builds the initializer from options.</param>
    public sealed record Entry(string Name, string Formula, string[] Options, Func<InitOptions, Initializer> Build);

    private static readonly string[] FanOptions = ["gain", "nonlinearity", "layout", "layer", "fan-convention"];

    // Keras' variance-scaling initializers take no gain: their scale is fixed by the name.
    private static readonly string[] KerasOptions = ["layout", "layer", "fan-convention"];

    /// <summary>All schemes in the order <c>glorot init --list</c> prints them.</summary>
    public static IReadOnlyList<Entry> All { get; } =
    [
        new("standard", "U[−1/√fan_in, 1/√fan_in]: Glorot & Bengio's \"standard heuristic\" (2010, eq. 1); PyTorch's nn.Linear default",
            ["layout", "layer", "fan-convention"], o => WithLayer(o, new VarianceScaling(1.0 / 3.0, FanMode.FanIn, Distribution.Uniform, 1.0, LayoutOf(o), "standard"))),
        new("xavier-uniform", "U[−a, a], a = gain·√(6/(fan_in + fan_out)) (Glorot & Bengio 2010, eq. 16)",
            FanOptions, o => Fan(o, "xavier-uniform", 1.0, FanMode.FanAvg, Distribution.Uniform, 1.0)),
        new("xavier-normal", "N(0, σ²), σ = gain·√(2/(fan_in + fan_out)) (Glorot & Bengio 2010, eq. 12)",
            FanOptions, o => Fan(o, "xavier-normal", 1.0, FanMode.FanAvg, Distribution.Normal, 1.0)),
        new("caffe-xavier", "U[−√(3/n), √(3/n)], n = fan_in (default), fan_out or their average (Caffe's \"xavier\" filler)",
            ["mode", "layout", "layer", "fan-convention"], o => WithLayer(o, new VarianceScaling(1.0, ModeOf(o, "caffe-xavier", FanMode.FanIn, FanMode.FanOut, FanMode.FanAvg), Distribution.Uniform, 1.0, LayoutOf(o), "caffe-xavier"))),
        new("lecun-uniform", "U[−√(3/fan_in), √(3/fan_in)]: Var = 1/fan_in (LeCun et al. 1998)",
            FanOptions, o => Fan(o, "lecun-uniform", 1.0, FanMode.FanIn, Distribution.Uniform, 1.0)),
        new("lecun-normal", "N(0, 1/fan_in) (LeCun et al. 1998; the SELU initializer, Klambauer et al. 2017)",
            [.. FanOptions, "distribution"], o => Fan(o, "lecun-normal", 1.0, FanMode.FanIn, o.Distribution ?? Distribution.Normal, 1.0)),
        new("he-uniform", "U[−b, b], b = √(6/((1 + a²)·fan)) with leaky slope a, fan = fan_in or fan_out (He et al. 2015, eq. 10)",
            [.. FanOptions, "mode"], o => Fan(o, "he-uniform", 1.0, ModeOf(o, "he-uniform", FanMode.FanIn, FanMode.FanOut), Distribution.Uniform, Math.Sqrt(2))),
        new("he-normal", "N(0, 2/((1 + a²)·fan)), fan = fan_in (forward) or fan_out (backward) (He et al. 2015, eqs. 10, 14)",
            [.. FanOptions, "mode", "distribution"], o => Fan(o, "he-normal", 1.0, ModeOf(o, "he-normal", FanMode.FanIn, FanMode.FanOut), o.Distribution ?? Distribution.Normal, Math.Sqrt(2))),
        new("variance-scaling", "Var = gain²·scale/n, n by mode (fan-in, fan-out, fan-avg, fan-geo-avg); uniform, normal, or truncated normal corrected to that variance",
            [.. FanOptions, "scale", "mode", "distribution"], o => Fan(o, "variance-scaling", o.Scale ?? 1.0, o.Mode ?? FanMode.FanIn, o.Distribution ?? Distribution.TruncatedNormal, 1.0)),
        new("uniform", "U[low, high), default [0, 1)", ["low", "high"], o => new RandomUniform(o.Low ?? 0, o.High ?? 1)),
        new("normal", "N(mean, std²), default N(0, 1)", ["mean", "std"], o => new RandomNormal(o.Mean ?? 0, o.Std ?? 1)),
        new("truncated-normal", "N(mean, std²) conditioned on [low, high] (absolute bounds, std before truncation; default [−2, 2]: PyTorch's trunc_normal_)",
            ["mean", "std", "low", "high"], o => TruncatedNormals.PyTorch(o.Mean ?? 0, o.Std ?? 1, o.Low ?? -2, o.High ?? 2)),
        new("keras-truncated-normal", "N(mean, std²) conditioned on mean ± 2·std (std before truncation, not corrected: the values' std is 0.8796·std; Keras/TF TruncatedNormal, default std 0.05)",
            ["mean", "std"], o => TruncatedNormals.Keras(o.Mean ?? 0, o.Std ?? 0.05)),
        new("jax-truncated-normal", "std·TN(low, high): bounds in units of std (default ±2), std before truncation, not corrected (jax.nn.initializers.truncated_normal, default std 0.01)",
            ["std", "low", "high"], o => TruncatedNormals.Jax(o.Std ?? 0.01, o.Low ?? -2, o.High ?? 2)),
        new("truncated-normal-corrected", "N(mean, σ′²) on mean + [low, high]·σ′ with σ′ = std/s(low, high), so the values' std is std (the variance-scaling meaning of Keras/TF/JAX/Flax; s(−2, 2) = 0.8796)",
            ["mean", "std", "low", "high"], o => TruncatedNormals.Corrected(o.Mean ?? 0, o.Std ?? 1, o.Low ?? -2, o.High ?? 2)),
        new("keras-glorot-uniform", "U[−a, a], a = √(6/(fan_in + fan_out)), fans of [k…, in, out] (keras.initializers.GlorotUniform; JAX's glorot_uniform)",
            KerasOptions, o => Keras(o, "keras-glorot-uniform", 1.0, FanMode.FanAvg, Distribution.Uniform)),
        new("keras-glorot-normal", "N(0, σ′²) on ±2σ′, σ′ = √(2/(fan_in + fan_out))/0.8796 so the std after truncation is √(2/(fan_in + fan_out)), fans of [k…, in, out] (keras.initializers.GlorotNormal; JAX's glorot_normal)",
            KerasOptions, o => Keras(o, "keras-glorot-normal", 1.0, FanMode.FanAvg, Distribution.TruncatedNormal)),
        new("keras-he-uniform", "U[−a, a], a = √(6/fan_in), fans of [k…, in, out] (keras.initializers.HeUniform; JAX's he_uniform)",
            KerasOptions, o => Keras(o, "keras-he-uniform", 2.0, FanMode.FanIn, Distribution.Uniform)),
        new("keras-he-normal", "N(0, σ′²) on ±2σ′, std after truncation √(2/fan_in), fans of [k…, in, out] (keras.initializers.HeNormal; JAX's he_normal)",
            KerasOptions, o => Keras(o, "keras-he-normal", 2.0, FanMode.FanIn, Distribution.TruncatedNormal)),
        new("keras-lecun-uniform", "U[−a, a], a = √(3/fan_in), fans of [k…, in, out] (keras.initializers.LecunUniform; JAX's lecun_uniform)",
            KerasOptions, o => Keras(o, "keras-lecun-uniform", 1.0, FanMode.FanIn, Distribution.Uniform)),
        new("keras-lecun-normal", "N(0, σ′²) on ±2σ′, std after truncation √(1/fan_in), fans of [k…, in, out] (keras.initializers.LecunNormal; JAX's lecun_normal)",
            KerasOptions, o => Keras(o, "keras-lecun-normal", 1.0, FanMode.FanIn, Distribution.TruncatedNormal)),
        new("orthogonal", "gain·Q from the QR of a Gaussian matrix, signs fixed by diag R (Saxe et al. 2014)",
            ["gain", "nonlinearity"], o => new Orthogonal(GainOf(o, 1.0))),
        new("identity", "gain·I for [out, in] (rectangular allowed)", ["gain", "nonlinearity"], o => new Identity(GainOf(o, 1.0))),
        new("dirac", "identity convolution: 1 at the kernel centre of channel d → d, per group", ["groups"], o => new Dirac(o.Groups ?? 1)),
        new("constant", "W = value", ["value"], o => new Constant(o.Value ?? throw new ArgumentException("constant needs --value."))),
        new("zeros", "W = 0 (every unit identical: the symmetry is never broken)", [], _ => new Constant(0, "zeros")),
        new("ones", "W = 1 (every unit identical: the symmetry is never broken)", [], _ => new Constant(1, "ones")),
    ];

    /// <summary>
    /// Other names of a scheme, each meaning here what it means in the framework or paper that uses it (the table
    /// in docs/INITIALIZERS.md, "Names and aliases", pinned by <c>SchemeAliasTests</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>
    {
        // Glorot & Bengio (2010) call eq. 16 the "normalized initialization" (the N in Table 1's "Tanh N").
        ["normalized"] = "xavier-uniform",
        ["normalised"] = "xavier-uniform",
        // PyTorch: kaiming_uniform_ / kaiming_normal_ with their defaults (a = 0, fan_in, leaky_relu ⇒ gain √2).
        ["kaiming-uniform"] = "he-uniform",
        ["kaiming-normal"] = "he-normal",
        // Caffe's MSRAFiller: Gaussian, std √(2/fan_in), fan_in = count/num of the [out, in, k…] blob.
        ["msra"] = "he-normal",
        // PyTorch's trunc_normal_ (torch/nn/init.py).
        ["trunc-normal"] = "truncated-normal",
        ["pytorch-truncated-normal"] = "truncated-normal",
        // TF2's tf.initializers.TruncatedNormal is Keras' class.
        ["tf-truncated-normal"] = "keras-truncated-normal",
        // PyTorch's eye_.
        ["eye"] = "identity",
        ["zero"] = "zeros",
    }.AsReadOnly();

    /// <summary>
    /// Names that two frameworks use for different draws. They are refused, with both meanings and the name that
    /// selects each, rather than resolved to one meaning silently. Keyed by the exact spelling (lower case): the
    /// Keras spellings with '_' are Keras' (keras.initializers.get), while the '-' spellings of he-normal,
    /// he-uniform, lecun-normal, lecun-uniform, truncated-normal and variance-scaling are this library's schemes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Ambiguous { get; } = new Dictionary<string, string>
    {
        ["glorot_uniform"] = Two("glorot_uniform", "keras-glorot-uniform", "U(±√(6/(fan_in + fan_out))) with fans of [k…, in, out]",
            "xavier-uniform", "PyTorch's xavier_uniform_, the same bound with fans of [out, in, k…]"),
        ["glorot-uniform"] = Two("glorot-uniform", "keras-glorot-uniform", "U(±√(6/(fan_in + fan_out))) with fans of [k…, in, out]",
            "xavier-uniform", "PyTorch's xavier_uniform_, the same bound with fans of [out, in, k…]"),
        ["glorot_normal"] = Two("glorot_normal", "keras-glorot-normal", "a normal truncated at ±2σ′ whose std after truncation is √(2/(fan_in + fan_out)), fans of [k…, in, out]",
            "xavier-normal", "PyTorch's xavier_normal_, an untruncated N(0, 2/(fan_in + fan_out)) with fans of [out, in, k…]"),
        ["glorot-normal"] = Two("glorot-normal", "keras-glorot-normal", "a normal truncated at ±2σ′ whose std after truncation is √(2/(fan_in + fan_out)), fans of [k…, in, out]",
            "xavier-normal", "PyTorch's xavier_normal_, an untruncated N(0, 2/(fan_in + fan_out)) with fans of [out, in, k…]"),
        ["he_normal"] = Two("he_normal", "keras-he-normal", "a normal truncated at ±2σ′ whose std after truncation is √(2/fan_in), fans of [k…, in, out]",
            "he-normal", "He et al. 2015 and PyTorch's kaiming_normal_, an untruncated N(0, 2/fan_in) with fans of [out, in, k…]"),
        ["he_uniform"] = Two("he_uniform", "keras-he-uniform", "U(±√(6/fan_in)) with fans of [k…, in, out]",
            "he-uniform", "PyTorch's kaiming_uniform_, the same bound with fans of [out, in, k…]"),
        ["lecun_normal"] = Two("lecun_normal", "keras-lecun-normal", "a normal truncated at ±2σ′ whose std after truncation is √(1/fan_in), fans of [k…, in, out]",
            "lecun-normal", "an untruncated N(0, 1/fan_in) with fans of [out, in, k…] (LeCun et al. 1998)"),
        ["lecun_uniform"] = Two("lecun_uniform", "keras-lecun-uniform", "U(±√(3/fan_in)) with fans of [k…, in, out]",
            "lecun-uniform", "the same bound with fans of [out, in, k…]"),
        ["truncated_normal"] = Two("truncated_normal", "keras-truncated-normal", "N(mean, 0.05²) cut at mean ± 2·std",
            "truncated-normal", "PyTorch's trunc_normal_, N(0, 1) cut at the absolute bounds [−2, 2]"),
        ["variance_scaling"] = Two("variance_scaling", "variance-scaling --layout keras", "fans of [k…, in, out]",
            "variance-scaling", "the same rule with fans of [out, in, k…]"),
        ["random_normal"] = Two("random_normal", "normal --std 0.05", "Keras' RandomNormal, N(0, 0.05²)",
            "normal", "PyTorch's normal_, N(0, 1)"),
        ["random_uniform"] = Two("random_uniform", "uniform --low -0.05 --high 0.05", "Keras' RandomUniform, U(−0.05, 0.05)",
            "uniform", "PyTorch's uniform_, U(0, 1)"),
    }.AsReadOnly();

    private static string Two(string name, string kerasName, string kerasMeaning, string ourName, string ourMeaning) =>
        $"'{name}' means two things: in Keras/JAX {kerasMeaning}; here {ourName} is {ourMeaning}. Say {kerasName} or {ourName}.";

    /// <summary>
    /// The entry for a name or alias, resolved by <see cref="SchemeRegistry.Find"/>: case and '_' vs '-' ignored,
    /// and one trailing '_' (PyTorch's in-place suffix: xavier_uniform_, trunc_normal_) dropped. A name with two
    /// meanings (<see cref="Ambiguous"/>) is refused, and so is a scheme that needs a network and data (LSUV).
    /// </summary>
    /// <exception cref="ArgumentException">An ambiguous name (the message gives both meanings), a data-dependent
    /// scheme (the message says where it is accepted), or an unknown one (the message suggests the nearest names).</exception>
    public static Entry Find(string name)
    {
        var scheme = SchemeRegistry.Find(name);
        if (scheme.NeedsNetworkAndData)
            throw new ArgumentException(
                $"Scheme '{scheme.Name}' initializes a whole network from a batch of data, not a lone tensor: use it in " +
                $"`glorot probe --init {scheme.Name}` or as a run spec's \"init\" (not as output_init or in `glorot init`).");
        return All.First(e => e.Name == scheme.Name);
    }

    /// <summary>
    /// Builds the named scheme, rejecting options it does not take. Names: <c>standard</c>, <c>xavier-uniform</c>,
    /// <c>xavier-normal</c>, <c>caffe-xavier</c>, <c>lecun-uniform</c>, <c>lecun-normal</c>, <c>he-uniform</c>,
    /// <c>he-normal</c>, <c>variance-scaling</c>, <c>uniform</c>, <c>normal</c>, <c>truncated-normal</c>,
    /// <c>keras-truncated-normal</c>, <c>jax-truncated-normal</c>, <c>truncated-normal-corrected</c>,
    /// <c>keras-glorot-uniform</c>, <c>keras-glorot-normal</c>, <c>keras-he-uniform</c>, <c>keras-he-normal</c>,
    /// <c>keras-lecun-uniform</c>, <c>keras-lecun-normal</c>, <c>orthogonal</c>, <c>identity</c>, <c>dirac</c>,
    /// <c>constant</c>, <c>zeros</c>, <c>ones</c>; aliases: normalized and normalised (= xavier-uniform, Glorot
    /// &amp; Bengio 2010), kaiming-uniform, kaiming-normal, msra, trunc-normal, pytorch-truncated-normal, tf-truncated-normal,
    /// eye, zero. <see cref="All"/> has each with its formula; <see cref="Initializers"/> has a typed method for each.
    /// </summary>
    /// <example><c>Schemes.Create("he-normal", new InitOptions { Nonlinearity = "relu" }).Create([256, 784], seed: 1)</c></example>
    public static Initializer Create(string name, InitOptions? options = null)
    {
        options ??= new InitOptions();
        var entry = Find(name);
        var unused = options.SetOptions().Where(o => !entry.Options.Contains(o)).ToList();
        if (unused.Count > 0)
            throw new ArgumentException(
                $"Scheme '{entry.Name}' takes no --{string.Join(", --", unused)}" +
                (entry.Options.Length > 0 ? $" (it takes --{string.Join(", --", entry.Options)})." : " (it takes no options)."));
        if (options.Gain is not null && options.Nonlinearity is not null)
            throw new ArgumentException("Give either --gain or --nonlinearity, not both.");
        return entry.Build(options);
    }

    // Var = gain²·scale/n; the gain comes from --gain, else --nonlinearity, else the scheme's default.
    private static VarianceScaling Fan(InitOptions o, string name, double scale, FanMode mode, Distribution distribution, double defaultGain) =>
        WithLayer(o, new VarianceScaling(scale, mode, distribution, GainOf(o, defaultGain), LayoutOf(o), name));

    // Keras' VarianceScaling presets: no gain, Keras' kernel layout [k…, in, out] unless --layout says otherwise, and
    // with a layer Keras' own fans of it (keras/src/initializers/random_initializers.py, compute_fans).
    private static VarianceScaling Keras(InitOptions o, string name, double scale, FanMode mode, Distribution distribution) =>
        WithLayer(o, new VarianceScaling(scale, mode, distribution, 1.0, o.Layout ?? TensorLayout.KernelInOut, name), FanConvention.Keras);

    private static VarianceScaling WithLayer(InitOptions o, VarianceScaling scheme, FanConvention convention = FanConvention.Layer)
    {
        if (o.FanConvention is not null && o.Layer is null)
            throw new ArgumentException("--fan-convention needs a layer (--layer …): it says how fans follow from the layer.");
        return o.Layer is null ? scheme : scheme with { Layer = o.Layer, FanConvention = o.FanConvention ?? convention };
    }

    // The mode given, or the first allowed (the source's default); a mode the source does not define is refused.
    private static FanMode ModeOf(InitOptions o, string name, params FanMode[] allowed)
    {
        var mode = o.Mode ?? allowed[0];
        if (!allowed.Contains(mode))
            throw new ArgumentException(
                $"{name} takes --mode {string.Join(" or ", allowed.Select(ModeName))}, not {ModeName(mode)} (variance-scaling takes any mode).");
        return mode;
    }

    private static string ModeName(FanMode mode) => InitOptionNames.NameOf(mode);

    private static double GainOf(InitOptions o, double defaultGain) =>
        o.Gain ?? (o.Nonlinearity is { } nl ? Init.Gain.Of(nl) : defaultGain);

    private static TensorLayout LayoutOf(InitOptions o) => o.Layout ?? TensorLayout.OutInKernel;
}
