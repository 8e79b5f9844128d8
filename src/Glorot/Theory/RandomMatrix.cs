using MathNet.Numerics.Integration;

namespace Glorot.Theory;

/// <summary>Singular values of large random matrices with i.i.d. zero-mean entries (Marchenko–Pastur law).</summary>
public static class RandomMatrix
{
    /// <summary>8/(3π) ≈ 0.8488: mean singular value of a square n×n matrix with entry variance 1/n (quarter-circle law).</summary>
    public static readonly double QuarterCircleMean = 8 / (3 * Math.PI);

    /// <summary>
    /// Limit (rows, cols → ∞ at fixed ratio) of the mean singular value of a rows × cols matrix with i.i.d.
    /// zero-mean entries of variance <paramref name="entryVariance"/>.
    /// </summary>
    /// <remarks>
    /// With m = min(rows, cols), N = max(rows, cols), c = m/N: the eigenvalues λ of XXᵀ/(N·v) follow the
    /// Marchenko–Pastur density p(λ) = √((b − λ)(λ − a))/(2πcλ) on [a, b] = [(1 − √c)², (1 + √c)²], and the
    /// singular values of X are √(N·v·λ), so the mean is √(N·v)·∫√λ p(λ) dλ (Marchenko &amp; Pastur 1967). For c = 1
    /// this is √(N·v)·8/(3π), the quarter-circle law behind the paper's §4.2.2 "0.5" and "0.8" (0.849 at
    /// n·Var[W] = 1, 0.49 at 1/3).
    /// Integrated with λ = (a+b)/2 + (b−a)/2·cos θ, which makes the integrand smooth; 128-point Gauss–Legendre.
    /// </remarks>
    public static double MeanSingularValue(int rows, int cols, double entryVariance)
    {
        if (rows <= 0 || cols <= 0) throw new ArgumentOutOfRangeException(nameof(rows), "Both dimensions must be positive.");
        if (!(entryVariance >= 0) || !double.IsFinite(entryVariance))
            throw new ArgumentOutOfRangeException(nameof(entryVariance), entryVariance, "The entry variance must be finite and ≥ 0.");
        int m = Math.Min(rows, cols), n = Math.Max(rows, cols);
        double c = (double)m / n;
        return Math.Sqrt(n * entryVariance) * MeanSqrtMarchenkoPastur(c);
    }

    /// <summary>E[√λ] under the Marchenko–Pastur law of ratio 0 &lt; c ≤ 1 (unit scale).</summary>
    public static double MeanSqrtMarchenkoPastur(double c)
    {
        if (!(c > 0 && c <= 1)) throw new ArgumentOutOfRangeException(nameof(c), c, "The ratio lies in (0, 1].");
        double a = (1 - Math.Sqrt(c)) * (1 - Math.Sqrt(c)), b = (1 + Math.Sqrt(c)) * (1 + Math.Sqrt(c));
        double mid = (a + b) / 2, half = (b - a) / 2;
        // ∫ √λ·√((b−λ)(λ−a))/(2πcλ) dλ = ∫₀^π half²·sin²θ/(2πc·√λ(θ)) dθ.
        return GaussLegendreRule.Integrate(theta =>
        {
            double lambda = mid + half * Math.Cos(theta);
            double sin = Math.Sin(theta);
            return lambda <= 0 ? 0 : half * half * sin * sin / (2 * Math.PI * c * Math.Sqrt(lambda));
        }, 0, Math.PI, 128);
    }
}
