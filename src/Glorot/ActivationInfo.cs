namespace Glorot;

/// <summary>
/// Everything the library knows about one activation besides its double-precision definition (which is
/// <see cref="Activation.Forward"/> and <see cref="Activation.Derivative"/>): the names it is parsed from, its
/// parameter, its output range, where it is not smooth, its classic gain and its formula as text.
/// <see cref="ActivationRegistry"/> holds one per <see cref="ActivationKind"/>; the engine, the gains, the probes,
/// the theory and the CLI's help all read it. Its float kernels are not named here: the kernels pick them by
/// <see cref="Kind"/> (Glorot.Kernels.ActivationKernels), so the vocabulary does not reach up into Kernels.
/// </summary>
public sealed record ActivationInfo
{
    // Only the registry makes entries: the table is the library's, not extensible by users.
    internal ActivationInfo() { }

    /// <summary>Which function.</summary>
    public required ActivationKind Kind { get; init; }

    /// <summary>The canonical name: <c>tanh</c>, <c>leaky-relu</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other names that parse to it (lower case, '-' for '_'): <c>linear</c>, <c>lrelu</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Its parameter, or null for a function without one.</summary>
    public ActivationParameter? Parameter { get; init; }

    /// <summary>φ(z) in mathematical notation, for the parameter given (the default where the name gives none).</summary>
    public required Func<double, string> Formula { get; init; }

    /// <summary>Where the function comes from, e.g. "Glorot &amp; Bengio 2010, §2.3".</summary>
    public required string Source { get; init; }

    /// <summary>
    /// Bounds of φ that hold for every parameter: (−1, 1) for tanh, (0, null) for relu; null where φ is unbounded
    /// on that side or the bound depends on the parameter. The probes fix their histogram range to it when both
    /// ends are known.
    /// </summary>
    public (double? Low, double? High) OutputRange { get; init; }

    /// <summary>
    /// True when φ or φ′ is not smooth at 0 (relu, leaky-relu, elu, selu; softsign′ = 1/(1 + |x|)² has a cusp), so
    /// Gaussian expectations of it converge slowly under Gauss–Hermite and are split at 0 instead. At the kink the
    /// derivative takes PyTorch's one-sided value: relu′(0) = 0, leaky-relu′(0) = a, elu′(0) = α.
    /// </summary>
    public bool HasKinkAtZero { get; init; }

    /// <summary>True when the derivative is cheapest from the output y = f(x) (tanh′ = 1 − y²).</summary>
    public bool DerivativeUsesOutput { get; init; }

    /// <summary>True when φ never decreases, so quantiles of φ(s) are φ of quantiles of s (GELU dips below 0 and is not).</summary>
    public bool IsMonotone { get; init; } = true;

    /// <summary>
    /// The gain of PyTorch's <c>calculate_gain</c> table (torch/nn/init.py) as a function of the parameter, or null
    /// when the table has none (softsign, which no framework lists, takes the variance-preserving value).
    /// </summary>
    public Func<double, double>? ClassicGain { get; init; }

    /// <summary>The classic gain as the gain table prints it: "5/3 (PyTorch's empirical value)".</summary>
    public string? ClassicGainText { get; init; }

    /// <summary>Why the classic gain differs from the variance-preserving one, where it does; "" otherwise.</summary>
    public string ClassicGainNote { get; init; } = "";

    /// <summary>The name with its parameter's symbol, as help lists it: <c>leaky-relu[:a]</c>.</summary>
    public string Usage => Parameter is null ? Name : $"{Name}[:{Parameter.Symbol}]";
}
