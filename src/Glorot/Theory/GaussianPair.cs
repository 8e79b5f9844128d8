using Glorot.Init;
using Glorot.Numerics;
using MathNet.Numerics.Integration;

namespace Glorot.Theory;

/// <summary>
/// E[f(u₁)·g(u₂)] for a centred Gaussian pair with Var u₁ = Var u₂ = q and correlation c: the integrals of the
/// correlation map (Poole et al. 2016 eq. 5; Schoenholz et al. 2017 eq. 5), written as
/// u₁ = √q·z₁, u₂ = √q·(c·z₁ + √(1 − c²)·z₂) with z₁, z₂ independent standard normals.
/// </summary>
/// <remarks>
/// Smooth functions: a product Gauss–Hermite rule (<see cref="SmoothPoints"/>² nodes). Functions with a kink at 0:
/// the outer integral split at z₁ = 0 (<see cref="NumericGain.Expectation"/>), the inner one split where u₂ = 0,
/// z₂ = −c·z₁/√(1 − c²), each half by Gauss–Legendre over ±<see cref="NumericGain.SplitRange"/> standard deviations.
/// </remarks>
internal static class GaussianPair
{
    private const int SmoothPoints = 64;
    private const int KinkedHalfPoints = 48;

    public static double Expectation(Func<double, double> f, Func<double, double> g, double q, double c, bool kinkAtZero)
    {
        double r = Math.Sqrt(q), s = Math.Sqrt(Math.Max(1 - c * c, 0));
        if (!kinkAtZero)
        {
            var rule = GaussHermite.Rule(SmoothPoints);
            return rule.Expectation(z1 => f(r * z1) * rule.Expectation(z2 => g(r * (c * z1 + s * z2))));
        }
        return NumericGain.Expectation(z1 => f(r * z1) * Inner(g, r * c * z1, r * s), splitAtZero: true);
    }

    // E[g(a + b·z)], z ~ N(0, 1), split where a + b·z = 0.
    private static double Inner(Func<double, double> g, double a, double b)
    {
        if (b == 0) return g(a);
        double range = NumericGain.SplitRange, kink = Math.Clamp(-a / b, -range, range);
        double Weighted(double z) => g(a + b * z) * Math.Exp(-0.5 * z * z);
        double sum = (kink > -range ? GaussLegendreRule.Integrate(Weighted, -range, kink, KinkedHalfPoints) : 0)
                   + (kink < range ? GaussLegendreRule.Integrate(Weighted, kink, range, KinkedHalfPoints) : 0);
        return sum / Math.Sqrt(2 * Math.PI);
    }
}
