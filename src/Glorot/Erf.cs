namespace Glorot;

/// <summary>
/// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt in double precision (a few ulps): the definition that GELU and its fast kernel are tested against
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

    // erf x = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·5···(2n+1)) (Abramowitz & Stegun 7.1.6): every term is
    // positive, so nothing cancels; at x = 3 the terms fall below 1e-17 of the sum after about 90 terms.
    private static double Series(double x)
    {
        double x2 = x * x, term = x, sum = x;
        for (int n = 1; n < 500; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return 2.0 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
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
