namespace Glorot;

/// <summary>
/// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt in double precision (about 1e-15 relative for |x| ≤ 3,
/// about 1e-16 absolute beyond): the definition that GELU and its fast kernel are tested against
/// (.NET has no Math.Erf).
/// </summary>
internal static class Erf
{
    /// <summary>erf(x).</summary>
    public static double Of(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double ax = Math.Abs(x);
        double r = ax <= 3.0 ? Series(ax) : 1.0 - ComplementContinuedFraction(ax);
        return x < 0 ? -r : r;
    }

    // Maclaurin series erf x = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)). At x = 3 the largest term is about 1e3,
    // so at most 3 of 16 digits cancel.
    private static double Series(double x)
    {
        double x2 = x * x, term = x, sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum)) break;
        }
        return 2.0 / Math.Sqrt(Math.PI) * sum;
    }

    // erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))) (Abramowitz & Stegun 7.1.14),
    // evaluated from the tail: 200 levels are far more than x ≥ 3 needs for double precision.
    private static double ComplementContinuedFraction(double x)
    {
        double f = x;
        for (int k = 200; k >= 1; k--) f = x + k / 2.0 / f;
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
