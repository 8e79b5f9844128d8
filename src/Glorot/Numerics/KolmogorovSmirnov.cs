namespace Glorot.Numerics;

/// <summary>
/// The one-sample Kolmogorov–Smirnov test of a sample against an exact continuous CDF: the statistic, its
/// critical values and p-values (Kolmogorov's limit distribution with Stephens' finite-n correction).
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>
    /// D = sup_x |F_n(x) − F(x)|, computed at the order statistics x₍ᵢ₎ (i = 1…n) as
    /// max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n), where the supremum of a step function against a continuous F is reached.
    /// </summary>
    /// <exception cref="ArgumentException">Empty sample, or a NaN in it.</exception>
    public static double Statistic(ReadOnlySpan<float> sample, Func<double, double> cdf)
    {
        if (sample.IsEmpty) throw new ArgumentException("The Kolmogorov–Smirnov statistic needs at least one value.", nameof(sample));
        var sorted = sample.ToArray();
        foreach (var v in sorted)
            if (float.IsNaN(v)) throw new ArgumentException("The sample contains NaN.", nameof(sample));
        Array.Sort(sorted);
        double n = sorted.Length, d = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1) / n - f, f - i / n));
        }
        return d;
    }

    /// <summary>
    /// Kolmogorov's limit CDF K(x) = P(√n·D ≤ x) = 1 − 2·Σ_{k≥1} (−1)^(k−1)·e^(−2k²x²) (Kolmogorov 1933); for
    /// x &lt; 1 the equivalent form (√(2π)/x)·Σ_{k≥1} e^(−(2k−1)²π²/(8x²)), which converges fast there, is used.
    /// </summary>
    public static double LimitCdf(double x)
    {
        if (!(x > 0)) return 0;
        double sum = 0;
        if (x < 1)
        {
            for (var k = 1; k <= 20; k++)
            {
                double odd = 2 * k - 1, term = Math.Exp(-odd * odd * Math.PI * Math.PI / (8 * x * x));
                sum += term;
                if (term < 1e-18 * sum) break;
            }
            return Math.Clamp(Math.Sqrt(2 * Math.PI) / x * sum, 0, 1);
        }
        for (var k = 1; k <= 20; k++)
        {
            double term = Math.Exp(-2.0 * k * k * x * x);
            sum += k % 2 == 1 ? term : -term;
            if (term < 1e-18) break;
        }
        return Math.Clamp(1 - 2 * sum, 0, 1);
    }

    /// <summary>The (1 − α) quantile of Kolmogorov's limit distribution, by bisection of <see cref="LimitCdf"/>: 1.3581 at α = 0.05, 1.9495 at 0.001.</summary>
    public static double LimitQuantile(double alpha)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must be in (0, 1).");
        double lo = 0, hi = 10;
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (LimitCdf(mid) < 1 - alpha) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// Critical value of D at significance α for n values: K⁻¹(1 − α)/(√n + 0.12 + 0.11/√n) (Stephens 1970), within
    /// about 1 % of the exact tables for n ≥ 5. A correct sampler exceeds it with probability α.
    /// </summary>
    public static double Critical(int n, double alpha = 0.001)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be positive.");
        return LimitQuantile(alpha) / Effective(n);
    }

    /// <summary>The p-value of D for n values: 1 − K(D·(√n + 0.12 + 0.11/√n)).</summary>
    public static double PValue(double d, int n) => 1 - LimitCdf(d * Effective(n));

    private static double Effective(int n) => Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n);
}
