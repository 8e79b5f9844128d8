using Glorot.Random;

namespace Glorot.Init;

/// <summary>
/// N(mean, std²) conditioned on [a, b], with <b>absolute</b> bounds and <paramref name="Std"/> the std
/// <b>before</b> truncation: PyTorch's <c>trunc_normal_</c> (default a = −2, b = 2). The description reports the
/// truncated distribution's actual mean and std.
/// </summary>
/// <param name="Mean">Mean of the untruncated normal.</param>
/// <param name="Std">Standard deviation of the untruncated normal.</param>
/// <param name="A">Lower bound (absolute).</param>
/// <param name="B">Upper bound (absolute).</param>
/// <param name="Name">The scheme name reported: the other meanings of "truncated normal" (Keras, JAX, corrected) are
/// built on this one with bounds converted to absolute values (see <see cref="TruncatedNormals"/>).</param>
public sealed record TruncatedNormal(double Mean = 0, double Std = 1, double A = -2, double B = 2, string Name = "truncated-normal") : Initializer
{
    /// <inheritdoc />
    public override string Scheme => Name;

    /// <inheritdoc />
    public override Func<double, double>? Cdf(ReadOnlySpan<int> shape)
    {
        // In the frame where the interval does not lie above the mean (see Frame), Φ is small where it matters and
        // keeps its relative precision; above the mean, F(x) = 1 − G(−x) with G the mirrored interval's CDF.
        var (reflect, alpha, beta) = Frame(Mean, Std, A, B);
        double fa = RandomFill.StandardNormalCdf(alpha), z = RandomFill.StandardNormalCdf(beta) - fa;
        double mean = Mean, std = Std;
        return reflect
            ? x => Math.Clamp((RandomFill.StandardNormalCdf(beta) - RandomFill.StandardNormalCdf(-(x - mean) / std)) / z, 0, 1)
            : x => Math.Clamp((RandomFill.StandardNormalCdf((x - mean) / std) - fa) / z, 0, 1);
    }

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        Shapes.Validate(shape);
        if (!(Std > 0) || !double.IsFinite(Std) || !double.IsFinite(Mean))
            throw new ArgumentException($"{Name}: need a finite mean and std > 0; got mean {Mean}, std {Std}.");
        if (!(A < B)) throw new ArgumentException($"{Name}: need a < b; got [{A}, {B}].");
        var (mean, std) = Moments(Mean, Std, A, B);
        return new InitStats(Scheme, "truncated-normal", null, null, mean, std, A, B,
            $"N({Mean:G6}, {Std:G6}²) conditioned on [{A:G6}, {B:G6}]");
    }

    /// <summary>
    /// Mean and std of N(μ, σ²) truncated to [a, b]: with α = (a − μ)/σ, β = (b − μ)/σ, Z = Φ(β) − Φ(α),
    /// mean = μ + σ(φ(α) − φ(β))/Z and Var = σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²]. An interval above the
    /// mean is mirrored first (mean ↦ −mean), so that Z is a difference of small Φ values, not of two values near 1.
    /// </summary>
    /// <exception cref="ArgumentException">[a, b] has no probability mass in double precision (e.g. [40, 41]·σ).</exception>
    public static (double Mean, double Std) Moments(double mean, double std, double a, double b)
    {
        var (reflect, alpha, beta) = Frame(mean, std, a, b);
        double z = RandomFill.StandardNormalCdf(beta) - RandomFill.StandardNormalCdf(alpha);
        if (!(z > 0))
            throw new ArgumentException($"The interval [{a}, {b}] has no probability mass under N({mean}, {std}²) in double precision.");
        double pa = Density(alpha), pb = Density(beta);
        double shift = (pa - pb) / z;
        double variance = 1 + (Finite(alpha) * pa - Finite(beta) * pb) / z - shift * shift;
        return (mean + (reflect ? -1 : 1) * std * shift, std * Math.Sqrt(Math.Max(0, variance)));
    }

    // (α, β) of [a, b] in standard units, mirrored to (−β, −α) when the whole interval lies above the mean — the
    // same frame RandomFill.TruncatedNormal samples in.
    private static (bool Reflect, double Alpha, double Beta) Frame(double mean, double std, double a, double b) =>
        a > mean ? (true, (mean - b) / std, (mean - a) / std) : (false, (a - mean) / std, (b - mean) / std);

    private static double Density(double x) => double.IsInfinity(x) ? 0 : Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    // x·φ(x) → 0 as x → ±∞.
    private static double Finite(double x) => double.IsInfinity(x) ? 0 : x;

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads) =>
        RandomFill.TruncatedNormal(values, Mean, Std, A, B, seed, stream, 0, threads);
}
