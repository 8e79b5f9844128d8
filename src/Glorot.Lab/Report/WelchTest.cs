using MathNet.Numerics.Distributions;

namespace Glorot.Lab.Report;

/// <summary>The outcome of <see cref="WelchTest.Compare"/>.</summary>
/// <param name="MeanDifference">mean(a) − mean(b).</param>
/// <param name="T">Welch's t statistic.</param>
/// <param name="DegreesOfFreedom">The Welch–Satterthwaite degrees of freedom.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Significant">Whether <see cref="P"/> &lt; <see cref="WelchTest.Alpha"/>.</param>
internal sealed record WelchResult(double MeanDifference, double T, double DegreesOfFreedom, double P, bool Significant);

/// <summary>
/// Welch's unequal-variances t-test, two-sided (B. L. Welch, "The generalization of 'Student's' problem when several
/// different population variances are involved", Biometrika 34, 1947): t = (m_a − m_b) / √(s_a²/n_a + s_b²/n_b) with
/// sample variances s², ν = (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)),
/// p = 2·(1 − F_ν(|t|)) with F_ν Student's t CDF. Used for Table 1's Tanh vs Tanh N across seeds.
/// </summary>
internal static class WelchTest
{
    /// <summary>The significance level the report states.</summary>
    public const double Alpha = 0.05;

    /// <summary>The test of <paramref name="a"/> against <paramref name="b"/>; null when either has fewer than 2 values or both have no spread.</summary>
    public static WelchResult? Compare(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count < 2 || b.Count < 2) return null;
        var (ma, va) = MeanVariance(a);
        var (mb, vb) = MeanVariance(b);
        double sa = va / a.Count, sb = vb / b.Count, se2 = sa + sb;
        if (se2 == 0) return null;
        double t = (ma - mb) / Math.Sqrt(se2);
        double df = se2 * se2 / (sa * sa / (a.Count - 1) + sb * sb / (b.Count - 1));
        double p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new WelchResult(ma - mb, t, df, p, p < Alpha);
    }

    /// <summary>Mean and sample variance (n − 1 in the denominator).</summary>
    public static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        return (mean, variance);
    }
}
