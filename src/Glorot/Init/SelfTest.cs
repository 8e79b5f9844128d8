using System.Globalization;
using Glorot.Numerics;
using Glorot.Random;

namespace Glorot.Init;

/// <summary>One check of a self-test.</summary>
/// <param name="Name">"ks", "mean", "std", "support", "orthogonality", "values".</param>
/// <param name="Statistic">The measured statistic (D for ks, |z| for mean and std, a residual, a count …).</param>
/// <param name="Threshold">The largest value that passes.</param>
/// <param name="Passed">Statistic ≤ Threshold.</param>
/// <param name="Detail">What was compared, in words.</param>
public sealed record SelfTestCheck(string Name, double Statistic, double Threshold, bool Passed, string Detail);

/// <summary>The verdict of a self-test: every check and whether all passed.</summary>
/// <param name="Scheme">The scheme tested.</param>
/// <param name="Count">Number of values tested.</param>
/// <param name="Alpha">Significance level of each statistical check.</param>
/// <param name="Checks">The checks.</param>
public sealed record SelfTestReport(string Scheme, int Count, double Alpha, IReadOnlyList<SelfTestCheck> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    /// <summary>"PASS" or "FAIL (ks, std)".</summary>
    public string Verdict => Passed ? "PASS" : $"FAIL ({string.Join(", ", Checks.Where(c => !c.Passed).Select(c => c.Name))})";
}

/// <summary>
/// Checks that a fill draws what its scheme describes: for i.i.d. schemes a Kolmogorov–Smirnov test against the
/// exact CDF (<see cref="Initializer.Cdf"/>), z-tests of the mean and of the variance, and the support; for
/// orthogonal schemes the orthonormality of rows or columns; for deterministic schemes the exact mean and std.
/// </summary>
/// <remarks>
/// Each statistical check rejects a correct sampler with probability α (default 0.001), so with four checks a
/// correct scheme fails about 0.4 % of seeds; a fixed seed makes the verdict reproducible. Power grows with n:
/// at n = 10⁵ a std off by 3 % moves D by ≈ 0.008, above the critical 0.006 (the variance z-test is more
/// sensitive still); below about 1,000 values only gross errors are caught.
/// </remarks>
public static class SelfTest
{
    /// <summary>Default significance level of each statistical check.</summary>
    public const double DefaultAlpha = 0.001;

    /// <summary>Rows or columns whose orthonormality is checked (the Gram matrix of all of them costs rows²·cols).</summary>
    public const int OrthogonalVectorsChecked = 256;

    /// <summary>Draws a tensor of <paramref name="shape"/> with (seed, stream) and checks it.</summary>
    public static SelfTestReport Run(Initializer initializer, ReadOnlySpan<int> shape, ulong seed, ulong stream = 0, double alpha = DefaultAlpha)
    {
        var values = new float[Shapes.ElementCount(shape)];
        initializer.Fill(values, shape, seed, stream);
        return Check(initializer, shape, values, alpha);
    }

    /// <summary>Checks values already drawn by <paramref name="initializer"/> for <paramref name="shape"/>.</summary>
    public static SelfTestReport Check(Initializer initializer, ReadOnlySpan<int> shape, ReadOnlySpan<float> values, double alpha = DefaultAlpha)
    {
        if (!(alpha > 0 && alpha < 0.5)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in (0, 0.5).");
        if (values.Length != Shapes.ElementCount(shape))
            throw new ArgumentException($"Shape {Shapes.Format(shape)} holds {Shapes.ElementCount(shape)} values; got {values.Length}.");
        var stats = initializer.Describe(shape);
        var checks = new List<SelfTestCheck>();
        if (initializer.Cdf(shape) is { } cdf) Distributional(values, stats, cdf, alpha, checks);
        else if (stats.Distribution == "orthogonal") Orthonormal(values, shape, stats.Gain ?? 1, checks);
        else Exact(values, stats, checks);
        return new SelfTestReport(stats.Scheme, values.Length, alpha, checks);
    }

    private static void Distributional(ReadOnlySpan<float> values, InitStats stats, Func<double, double> cdf, double alpha, List<SelfTestCheck> checks)
    {
        int n = values.Length;
        double d = KolmogorovSmirnov.Statistic(values, cdf), critical = KolmogorovSmirnov.Critical(n, alpha);
        checks.Add(new("ks", d, critical, d <= critical,
            $"D = sup|F_n − F| against the exact {stats.Distribution} CDF; p = {Format(KolmogorovSmirnov.PValue(d, n))}"));

        var (mean, variance, m4) = Moments(values);
        double z = NormalQuantile(1 - alpha / 2);
        // Mean: under the claim, x̄ − μ ~ N(0, σ²/n) for large n.
        double zMean = Math.Abs(mean - stats.Mean) / (stats.Std / Math.Sqrt(n));
        checks.Add(new("mean", zMean, z, zMean <= z, $"sample mean {Format(mean)} vs {Format(stats.Mean)}: |z| of the difference"));
        // Variance: s² − σ² ~ N(0, (μ₄ − σ⁴)/n); μ₄ − σ⁴ is estimated from the sample (m₄ − s⁴).
        double se = Math.Sqrt(Math.Max(m4 - variance * variance, 1e-300) / n);
        double zVar = Math.Abs(variance - stats.Std * stats.Std) / se;
        checks.Add(new("std", zVar, z, zVar <= z, $"sample std {Format(Math.Sqrt(variance))} vs {Format(stats.Std)}: |z| of the variance difference"));

        if (stats.Low is not null || stats.High is not null)
        {
            float lo = stats.Low is { } l ? (float)l : float.NegativeInfinity, hi = stats.High is { } h ? (float)h : float.PositiveInfinity;
            int outside = 0;
            foreach (var v in values) if (!(v >= lo && v <= hi)) outside++;
            checks.Add(new("support", outside, 0, outside == 0, $"values outside [{Format(lo)}, {Format(hi)}]"));
        }
    }

    private static void Orthonormal(ReadOnlySpan<float> values, ReadOnlySpan<int> shape, double gain, List<SelfTestCheck> checks)
    {
        int rows = shape[0], cols = values.Length / rows;
        bool byRows = rows <= cols;
        int vectors = Math.Min(byRows ? rows : cols, OrthogonalVectorsChecked), length = byRows ? cols : rows;
        double worst = 0;
        for (var p = 0; p < vectors; p++)
        for (var q = 0; q <= p; q++)
        {
            double dot = 0;
            for (var k = 0; k < length; k++)
                dot += byRows ? (double)values[p * cols + k] * values[q * cols + k] : (double)values[k * cols + p] * values[k * cols + q];
            worst = Math.Max(worst, Math.Abs(dot / (gain * gain) - (p == q ? 1 : 0)));
        }
        // Float storage rounds each entry by 2⁻²⁴ relative; 1e-4 leaves room for that at any size.
        checks.Add(new("orthogonality", worst, 1e-4, worst <= 1e-4,
            $"max |⟨w_p, w_q⟩/gain² − δ_pq| over the first {vectors} {(byRows ? "rows" : "columns")}"));
    }

    private static void Exact(ReadOnlySpan<float> values, InitStats stats, List<SelfTestCheck> checks)
    {
        var (mean, variance, _) = Moments(values);
        double scale = Math.Max(Math.Max(Math.Abs(stats.Mean), stats.Std), 1e-30);
        double error = Math.Max(Math.Abs(mean - stats.Mean), Math.Abs(Math.Sqrt(variance) - stats.Std)) / scale;
        checks.Add(new("values", error, 1e-5, error <= 1e-5,
            $"mean {Format(mean)} and std {Format(Math.Sqrt(variance))} vs the described {Format(stats.Mean)} and {Format(stats.Std)} (relative)"));
    }

    private static (double Mean, double Variance, double FourthMoment) Moments(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (var v in values) sum += v;
        double mean = sum / values.Length, m2 = 0, m4 = 0;
        foreach (var v in values)
        {
            double d = v - mean, d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }
        return (mean, m2 / values.Length, m4 / values.Length);
    }

    private static double NormalQuantile(double p) => RandomFill.StandardNormalQuantile(p);

    private static string Format(double x) => x.ToString("G5", CultureInfo.InvariantCulture);
}
