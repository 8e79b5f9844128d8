using Glorot.Lab.Figures;

namespace Glorot.Lab.Claims;

/// <summary>Claim 12 (§4.1, Fig. 5): the quadratic cost has plateaus where cross-entropy has none.</summary>
internal static class CostSurfaceClaim
{
    /// <summary>Random networks averaged (seeds 5 … 5 + Draws − 1; the figure shows seed 5).</summary>
    public const int Draws = 10;

    /// <summary>Grid points per axis for the claim (Fig. 5 draws 81).</summary>
    public const int Points = 41;

    public static ClaimResult Evaluate()
    {
        string criterion = $"Fig. 5's network and grid for {Draws} random draws (seeds 5–{5 + Draws - 1}, one random example each): plateau = grid "
            + $"points with slope < {CostSurface.PlateauSlope} × (cost range / 8) and cost > minimum + {CostSurface.PlateauHeight} × range. "
            + "Holds: mean plateau fraction of the quadratic ≥ 1 % and ≥ 2× cross-entropy's.";
        double ce = 0, q = 0;
        for (int k = 0; k < Draws; k++)
        {
            var surface = CostSurface.Compute(CostSurface.Network.Random(examples: 1, inputs: 4, hidden: 8, seed: 5 + (ulong)k), Points);
            ce += surface.PlateauFraction(CostSurface.Criterion.CrossEntropy) / Draws;
            q += surface.PlateauFraction(CostSurface.Criterion.Quadratic) / Draws;
        }
        bool holds = q >= 0.01 && q >= 2 * ce;
        return new ClaimResult(12, "The quadratic cost has plateaus where cross-entropy has none.", "Fig. 5, §4.1", criterion,
            "Fig. 5: the quadratic surface (≤ ≈1) shows larger plateaus than cross-entropy's (up to ≈5).",
            $"plateau fraction: quadratic {PaperScale.Percent(q)}, cross-entropy {PaperScale.Percent(ce)} (mean of {Draws} draws)",
            holds ? Verdict.Holds : Verdict.DoesNotHold,
            "The paper does not give its network's size or data; this one is stated in the figure caption. A plateau is where σ saturates "
            + "on the wrong side: the quadratic cost's gradient carries the factor σ′(a) there, cross-entropy's does not (CostSurface.Gradient).");
    }
}
