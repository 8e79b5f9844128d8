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
        new("orthogonal", "gain·Q from the QR of a Gaussian matrix, signs fixed by diag R (Saxe et al. 2014)",
            ["gain", "nonlinearity"], o => new Orthogonal(GainOf(o, 1.0))),
        new("identity", "gain·I for [out, in] (rectangular allowed)", ["gain", "nonlinearity"], o => new Identity(GainOf(o, 1.0))),
        new("dirac", "identity convolution: 1 at the kernel centre of channel d → d, per group", ["groups"], o => new Dirac(o.Groups ?? 1)),
        new("constant", "W = value", ["value"], o => new Constant(o.Value ?? throw new ArgumentException("constant needs --value."))),
        new("zeros", "W = 0 (every unit identical: the symmetry is never broken)", [], _ => new Constant(0, "zeros")),
        new("ones", "W = 1 (every unit identical: the symmetry is never broken)", [], _ => new Constant(1, "ones")),
    ];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["glorot-uniform"] = "xavier-uniform",
        ["glorot-normal"] = "xavier-normal",
        // Glorot & Bengio (2010) call eq. 16 the "normalized initialization" (the N in Table 1's "Tanh N").
        ["normalized"] = "xavier-uniform",
        ["normalised"] = "xavier-uniform",
        ["kaiming-uniform"] = "he-uniform",
        ["kaiming-normal"] = "he-normal",
        ["msra"] = "he-normal",
        ["trunc-normal"] = "truncated-normal",
        ["pytorch-truncated-normal"] = "truncated-normal",
        ["tf-truncated-normal"] = "keras-truncated-normal",
        ["eye"] = "identity",
        ["zero"] = "zeros",
    };

    /// <summary>The entry for a name or alias (case and '_' vs '-' ignored).</summary>
    /// <exception cref="ArgumentException">Unknown scheme; the message lists the known ones.</exception>
    public static Entry Find(string name)
    {
        var key = name.Trim().ToLowerInvariant().Replace('_', '-');
        key = Aliases.GetValueOrDefault(key, key);
        return All.FirstOrDefault(e => e.Name == key)
            ?? throw new ArgumentException($"Unknown scheme '{name}'. Known: {string.Join(", ", All.Select(e => e.Name))} (run `glorot init --list`).");
    }

    /// <summary>Builds the named scheme, rejecting options it does not take.</summary>
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

    private static VarianceScaling WithLayer(InitOptions o, VarianceScaling scheme)
    {
        if (o.FanConvention is not null && o.Layer is null)
            throw new ArgumentException("--fan-convention needs a layer (--layer …): it says how fans follow from the layer.");
        return o.Layer is null ? scheme : scheme with { Layer = o.Layer, FanConvention = o.FanConvention ?? FanConvention.Layer };
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

    private static string ModeName(FanMode mode) => mode switch
    {
        FanMode.FanIn => "fan-in", FanMode.FanOut => "fan-out", FanMode.FanAvg => "fan-avg", _ => "fan-geo-avg",
    };

    private static double GainOf(InitOptions o, double defaultGain) =>
        o.Gain ?? (o.Nonlinearity is { } nl ? Init.Gain.Of(nl) : defaultGain);

    private static TensorLayout LayoutOf(InitOptions o) => o.Layout ?? TensorLayout.OutInKernel;
}
