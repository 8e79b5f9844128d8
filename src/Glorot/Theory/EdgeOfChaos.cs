namespace Glorot.Theory;

/// <summary>
/// The edge of chaos: the (σ_w², σ_b²) where χ₁ = σ_w²·E[φ′(√q*·z)²] = 1 at the q-map's fixed point q*, the
/// boundary between the ordered phase (vanishing gradients) and the chaotic one (exploding gradients)
/// (Poole et al. 2016 Fig. 2; Schoenholz et al. 2017 §3 and Fig. 1).
/// </summary>
/// <remarks>
/// The boundary is found by its parametrization in q*, as Poole et al. draw it: χ₁ = 1 gives σ_w²(q) = 1/E[φ′(√q z)²],
/// and the fixed-point equation q = σ_w²·E[φ(√q z)²] + σ_b² then gives σ_b²(q) = q − E[φ²]/E[φ′²]. For a given σ_b²
/// the smallest q ≥ 0 with σ_b²(q) = σ_b² at which the q-map attracts (slope &lt; 1) is located on a logarithmic grid of q (10⁻¹⁰ … 10⁸, eight points a decade)
/// and refined by bisection. ReLU, leaky ReLU and the identity are positively homogeneous, so σ_b²(q) ≡ 0: their edge
/// (σ_w² = 2/(1 + a²)) exists only at σ_b = 0, and for σ_b &gt; 0 the q-map at that σ_w diverges.
/// </remarks>
public static class EdgeOfChaos
{
    private const double SmallestQ = 1e-10, LargestQ = 1e8;

    /// <summary>The critical point at bias variance <paramref name="sigmaB2"/>.</summary>
    /// <exception cref="ArgumentException">No finite q* puts <paramref name="phi"/> at χ₁ = 1 for this σ_b².</exception>
    public static CriticalPoint At(Activation phi, double sigmaB2 = 0)
    {
        if (!(sigmaB2 >= 0) || !double.IsFinite(sigmaB2))
            throw new ArgumentOutOfRangeException(nameof(sigmaB2), sigmaB2, "σ_b² must be finite and ≥ 0.");
        double H(double q) => BiasVariance(phi, q) - sigmaB2;
        double previousQ = SmallestQ, previous = H(previousQ);
        // σ_b = 0 for an activation with φ(0) = 0 and a slope at 0: σ_b²(q) → 0 as q → 0, the edge sits at q* = 0⁺.
        if (sigmaB2 == 0 && Math.Abs(previous) <= 1e-9) return Point(phi, sigmaB2, 0, SmallestQ);
        for (int k = 1; k <= 144; k++)
        {
            double q = SmallestQ * Math.Pow(10, k / 8.0), h = H(q);
            // A sign change within rounding of the difference q − E[φ²]/E[φ′²] (both ≈ q) is noise, not a root
            // (softplus's σ_b²(q) creeps up to 0 from below as q grows).
            bool resolved = Math.Max(Math.Abs(h), Math.Abs(previous)) > 1e-9 * q;
            if (resolved && (Math.Sign(h) != Math.Sign(previous) || h == 0))
            {
                double lo = previousQ, hi = q;
                for (int i = 0; i < 100 && hi - lo > 1e-13 * hi; i++)
                {
                    double mid = (lo + hi) / 2;
                    if (Math.Sign(H(mid)) == Math.Sign(previous)) lo = mid; else hi = mid;
                }
                double root = (lo + hi) / 2;
                // A fixed point the q-map leaves (slope ≥ 1) is never reached by a network: look further.
                var point = Point(phi, sigmaB2, root, root);
                if (DepthScales.QMapSlope(phi, root, point.SigmaW2) < 1) return point;
            }
            (previousQ, previous) = (q, h);
        }
        throw new ArgumentException(
            $"{phi} has no edge of chaos at σ_b = {Math.Sqrt(sigmaB2):G4} with a finite q* ≤ {LargestQ:G0}: σ_b²(q) = q − E[φ²]/E[φ′²] never reaches σ_b² = {sigmaB2:G4}" +
            (sigmaB2 > 0 ? "; try --sigma-b 0." : "."));
    }

    /// <summary>
    /// The critical point of each of <paramref name="activations"/> at <paramref name="sigmaB2"/>, or, for one that has
    /// none (<see cref="At"/> refuses it), why not: the table <c>glorot theory critical</c> prints.
    /// </summary>
    internal static IReadOnlyList<(Activation Activation, CriticalPoint? Point, string? Note)> Table(IEnumerable<Activation> activations, double sigmaB2)
    {
        if (!(sigmaB2 >= 0) || !double.IsFinite(sigmaB2))
            throw new ArgumentOutOfRangeException(nameof(sigmaB2), sigmaB2, "σ_b² must be finite and ≥ 0.");
        var rows = new List<(Activation, CriticalPoint?, string?)>();
        foreach (var phi in activations)
        {
            try { rows.Add((phi, At(phi, sigmaB2), null)); }
            catch (ArgumentException ex) { rows.Add((phi, null, ex.Message)); }
        }
        return rows;
    }

    /// <summary>The boundary at <paramref name="count"/> evenly spaced σ_b² from 0 to <paramref name="maxSigmaB2"/>.</summary>
    public static IReadOnlyList<CriticalPoint> Boundary(Activation phi, double maxSigmaB2, int count)
    {
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "A boundary needs at least 2 points.");
        var points = new List<CriticalPoint>(count);
        for (int i = 0; i < count; i++)
        {
            try { points.Add(At(phi, maxSigmaB2 * i / (count - 1))); }
            catch (ArgumentException) { break; }
        }
        return points;
    }

    /// <summary>σ_b²(q) = q − E[φ(√q z)²]/E[φ′(√q z)²]: the bias variance whose critical fixed point is q.</summary>
    public static double BiasVariance(Activation phi, double q) => q - MeanField.MeanSquare(phi, q) / MeanField.SlopeSquare(phi, q);

    // The slope is taken at q ≥ SmallestQ, so that ReLU's one-sided relu′(0) = 0 does not stand for its slope near 0.
    private static CriticalPoint Point(Activation phi, double sigmaB2, double qStar, double slopeQ) =>
        new(1 / MeanField.SlopeSquare(phi, slopeQ), sigmaB2, qStar);
}

/// <summary>A point of the edge of chaos (χ₁ = 1).</summary>
/// <param name="SigmaW2">Critical σ_w² = n·Var[W].</param>
/// <param name="SigmaB2">σ_b².</param>
/// <param name="QStar">The q-map's fixed point there (0: the edge is reached as q* → 0⁺).</param>
public sealed record CriticalPoint(double SigmaW2, double SigmaB2, double QStar)
{
    /// <summary>Critical σ_w.</summary>
    public double SigmaW => Math.Sqrt(SigmaW2);
}
