namespace Glorot.Theory;

/// <summary>
/// The depth scales of signal propagation in a wide random network with weights N(0, σ_w²/n) and biases N(0, σ_b²)
/// (Schoenholz et al. 2017, "Deep information propagation", §3): how many layers the length q of an input's
/// pre-activations (ξ_q) and the correlation c between two inputs (ξ_c) take to reach their fixed points.
/// </summary>
/// <param name="SigmaW2">σ_w² = n·Var[W].</param>
/// <param name="SigmaB2">σ_b².</param>
/// <param name="QStar">The q-map's fixed point q* (<see cref="MeanField.FixedPoint"/>).</param>
/// <param name="Chi1">χ₁ = σ_w²·E[φ′(√q*·z)²] (Poole et al. 2016 eq. 8): &lt; 1 ordered, &gt; 1 chaotic.</param>
/// <param name="QSlope">The q-map's slope at q*, χ₁ + σ_w²·E[φ″φ] (Schoenholz et al. eq. 4); ξ_q = −1/ln of it.</param>
/// <param name="CStar">The correlation map's stable fixed point: 1 in the ordered phase, &lt; 1 in the chaotic phase.</param>
/// <param name="ChiC">χ_c = σ_w²·E[φ′(u₁)φ′(u₂)] at c* (Schoenholz et al. eq. 6); χ_c = χ₁ where c* = 1.</param>
/// <param name="XiQ">ξ_q = −1/ln(<paramref name="QSlope"/>) (Schoenholz et al. eq. 4); +∞ where q* does not attract.</param>
/// <param name="XiC">ξ_c = −1/ln χ_c (Schoenholz et al. eq. 9); +∞ at the edge of chaos χ₁ = 1.</param>
public sealed record DepthScales(double SigmaW2, double SigmaB2, double QStar, double Chi1, double QSlope, double CStar,
    double ChiC, double XiQ, double XiC)
{
    /// <summary>True in the chaotic phase (χ₁ &gt; 1: nearby inputs decorrelate, gradients explode).</summary>
    public bool Chaotic => Chi1 > 1;

    // q* = 0 (tanh, σ_b = 0, σ_w ≤ 1): the q-map's slope is its limit q → 0⁺, evaluated at this q.
    private const double SmallestQ = 1e-200;

    /// <summary>The depth scales of <paramref name="phi"/> at (σ_w², σ_b²).</summary>
    /// <exception cref="ArgumentOutOfRangeException">σ_w² ≤ 0 or σ_b² &lt; 0.</exception>
    public static DepthScales Of(Activation phi, double sigmaW2, double sigmaB2 = 0)
    {
        if (!(sigmaW2 > 0) || !double.IsFinite(sigmaW2))
            throw new ArgumentOutOfRangeException(nameof(sigmaW2), sigmaW2, "σ_w² must be finite and > 0.");
        double qStar = MeanField.FixedPoint(phi, sigmaW2, sigmaB2);
        if (!double.IsFinite(qStar))
            throw new ArgumentException($"The q-map of {phi} diverges at σ_w² = {sigmaW2}, σ_b² = {sigmaB2}: there is no finite q*, so no depth scale.");
        double q = Math.Max(qStar, SmallestQ);
        double chi1 = MeanField.Chi1(phi, qStar, sigmaW2);
        double qSlope = QMapSlope(phi, q, sigmaW2);
        double cStar = chi1 <= 1 ? 1 : CorrelationFixedPoint(phi, q, sigmaW2, sigmaB2);
        double chiC = cStar >= 1 ? chi1
            : sigmaW2 * GaussianPair.Expectation(phi.Derivative, phi.Derivative, q, cStar, phi.HasKinkAtZero);
        return new DepthScales(sigmaW2, sigmaB2, qStar, chi1, qSlope, cStar, chiC, Scale(qSlope), Scale(chiC));
    }

    /// <summary>The correlation map c ↦ (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/q* (Schoenholz et al. 2017 eq. 5).</summary>
    public static double CorrelationMap(Activation phi, double qStar, double c, double sigmaW2, double sigmaB2 = 0)
    {
        if (!(qStar > 0) || !double.IsFinite(qStar)) throw new ArgumentOutOfRangeException(nameof(qStar), qStar, "q* must be finite and > 0.");
        if (!(c >= -1 && c <= 1)) throw new ArgumentOutOfRangeException(nameof(c), c, "A correlation lies in [−1, 1].");
        return (sigmaW2 * GaussianPair.Expectation(phi.Forward, phi.Forward, qStar, c, phi.HasKinkAtZero) + sigmaB2) / qStar;
    }

    // −1/ln x: the number of layers over which a deviation shrinks by e when it shrinks by x per layer.
    private static double Scale(double x) => x >= 1 ? double.PositiveInfinity : x <= 0 ? 0 : -1 / Math.Log(x);

    /// <summary>
    /// The q-map's slope dq_{l+1}/dq_l = σ_w²·E[z·φ(√q z)·φ′(√q z)]/√q at q &gt; 0, which Stein's lemma turns into
    /// σ_w²·E[φ′² + φ″φ] (Schoenholz et al. 2017 eq. 4) without needing φ″ (ReLU-like φ have none).
    /// </summary>
    public static double QMapSlope(Activation phi, double q, double sigmaW2)
    {
        if (!(q > 0) || !double.IsFinite(q)) throw new ArgumentOutOfRangeException(nameof(q), q, "q must be finite and > 0.");
        double r = Math.Sqrt(q);
        return sigmaW2 * Init.NumericGain.Expectation(z => z * phi.Forward(r * z) * phi.Derivative(r * z), splitAtZero: phi.HasKinkAtZero) / r;
    }

    // In the chaotic phase c = 1 repels (the map's slope there is χ₁ > 1), so C(1 − δ) < 1 − δ, while C(0) ≥ 0 (at
    // c = 0 the pair is independent: C(0) = (σ_w²·E[φ]² + σ_b²)/q*). The stable c* is the root of C(c) − c in
    // [0, 1): bisection. C is normalized by its own quadrature's C(1)·q*, so that C(1) = 1 exactly: q* comes from
    // another rule, and their ~1e-7 disagreement would swamp C(1 − δ) − (1 − δ) ≈ (1 − χ₁)·δ. With δ = 1e-4 that
    // difference is resolved for χ₁ − 1 ≳ 1e-3; closer to the edge c* = 1 is returned.
    private static double CorrelationFixedPoint(Activation phi, double qStar, double sigmaW2, double sigmaB2)
    {
        double norm = CorrelationMap(phi, qStar, 1, sigmaW2, sigmaB2);
        double G(double c) => CorrelationMap(phi, qStar, c, sigmaW2, sigmaB2) / norm - c;
        double lo = 0, hi = 1 - 1e-4;
        if (G(hi) >= 0) return 1;
        if (G(lo) <= 0) return 0;
        for (int i = 0; i < 50 && hi - lo > 1e-12; i++)
        {
            double mid = (lo + hi) / 2;
            if (G(mid) > 0) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
