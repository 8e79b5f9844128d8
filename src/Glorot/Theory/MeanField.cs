using Glorot.Init;
using Glorot.Numerics;

namespace Glorot.Theory;

/// <summary>
/// The mean-field recursion of signal propagation for wide random networks with a non-linear activation φ
/// (Poole et al. 2016, "Exponential expressivity in deep neural networks through transient chaos"; Schoenholz
/// et al. 2017, "Deep information propagation"): pre-activations are Gaussian, s ~ N(0, q), and
/// <list type="bullet">
/// <item>q-map: q^{l+1} = σ_w²·E[φ(√q^l·ξ)²] + σ_b², ξ ~ N(0, 1) (Poole et al. eq. 3), σ_w² = n·Var[W];</item>
/// <item>its fixed point q* (iterated from q₀ until it stops moving);</item>
/// <item>χ₁ = σ_w²·E[φ′(√q*·ξ)²] (Poole et al. eq. 8): &lt; 1 ordered (vanishing gradients), &gt; 1 chaotic, = 1 the
/// edge of chaos; the same factor σ_w²·E[φ′(√q^l ξ)²] scales the back-propagated gradient variance per layer
/// (Schoenholz et al. §4) when widths are equal.</item>
/// </list>
/// Expectations by <see cref="NumericGain.Expectation"/>: 200-point Gauss–Hermite (<see cref="GaussHermite"/>) for smooth
/// φ; for φ with a kink or a slope jump at 0 (ReLU, leaky ReLU, ELU, SELU), where Gauss–Hermite converges slowly,
/// the integral split at 0 (Gauss–Legendre on ±12 σ).
/// </summary>
public static class MeanField
{
    /// <summary>E[φ(√q·ξ)], ξ ~ N(0, 1).</summary>
    public static double Mean(Activation phi, double q) => Expect(phi, q, x => phi.Forward(x));

    /// <summary>E[φ(√q·ξ)²].</summary>
    public static double MeanSquare(Activation phi, double q) => Expect(phi, q, x => { double y = phi.Forward(x); return y * y; });

    /// <summary>E[φ′(√q·ξ)²]: the mean squared slope seen by a Gaussian pre-activation of variance q.</summary>
    public static double SlopeSquare(Activation phi, double q) => Expect(phi, q, x => { double d = phi.Derivative(x); return d * d; });

    /// <summary>One step of the q-map: σ_w²·E[φ(√q·ξ)²] + σ_b² (Poole et al. 2016 eq. 3).</summary>
    public static double QMap(Activation phi, double q, double sigmaW2, double sigmaB2 = 0)
    {
        CheckScale(sigmaW2, sigmaB2);
        return sigmaW2 * MeanSquare(phi, q) + sigmaB2;
    }

    /// <summary>
    /// The fixed point q* = QMap(q*), iterated from <paramref name="q0"/> (≤ 10 000 steps, stop at relative change
    /// &lt; 1e-12). Below the edge of chaos with σ_b = 0, q* = 0 for tanh; convergence there is only algebraic
    /// (q ~ 1/l for σ_w = 1), so the iteration stops at the step cap with q ≈ 1e-4.
    /// </summary>
    public static double FixedPoint(Activation phi, double sigmaW2, double sigmaB2 = 0, double q0 = 1)
    {
        CheckScale(sigmaW2, sigmaB2);
        double q = q0;
        for (int i = 0; i < 10_000; i++)
        {
            double next = QMap(phi, q, sigmaW2, sigmaB2);
            if (!double.IsFinite(next)) return double.PositiveInfinity;
            if (Math.Abs(next - q) <= 1e-12 * Math.Max(Math.Abs(q), 1e-300) || next == 0) return next;
            q = next;
        }
        return q;
    }

    /// <summary>χ₁ = σ_w²·E[φ′(√q·ξ)²] at the given q (at q* it decides order vs chaos; Poole et al. 2016 eq. 8).</summary>
    public static double Chi1(Activation phi, double q, double sigmaW2)
    {
        CheckScale(sigmaW2, 0);
        return sigmaW2 * SlopeSquare(phi, q);
    }

    // E[f(√q·ξ)], ξ ~ N(0, 1).
    private static double Expect(Activation phi, double q, Func<double, double> f)
    {
        if (!(q >= 0) || !double.IsFinite(q)) throw new ArgumentOutOfRangeException(nameof(q), q, "The variance q must be finite and ≥ 0.");
        double r = Math.Sqrt(q);
        return NumericGain.Expectation(x => f(r * x), splitAtZero: phi.HasKinkAtZero);
    }

    private static void CheckScale(double sigmaW2, double sigmaB2)
    {
        if (!(sigmaW2 >= 0) || !double.IsFinite(sigmaW2)) throw new ArgumentOutOfRangeException(nameof(sigmaW2), sigmaW2, "σ_w² must be finite and ≥ 0.");
        if (!(sigmaB2 >= 0) || !double.IsFinite(sigmaB2)) throw new ArgumentOutOfRangeException(nameof(sigmaB2), sigmaB2, "σ_b² must be finite and ≥ 0.");
    }
}
