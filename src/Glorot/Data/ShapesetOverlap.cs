namespace Glorot.Data;

/// <summary>
/// Glorot's estimate of how much a new object would cover an earlier one (<c>polygongen._corners</c>), the quantity
/// behind the paper's "does not overlap with the first by more than fifty percent of its area". It is a projection
/// heuristic, not a pixel count.
/// </summary>
/// <remarks>
/// With d the vector between the two centres (the earlier centre truncated to integers, because the generator
/// stores positions as int32) and |d| its length, p = max over the earlier object's vertices of (v − c₁)·d/|d|
/// plus max over the new object's of (v − c₂)·(−d)/|d|. If p &lt; |d| the objects are taken to be disjoint (0);
/// otherwise the overlap factor is f = 1 − exp(−(p − |d|)/(|d|/ln 2)) and the estimate is
/// f·A₂/A₁, with Aᵢ = s₀s₁·arearatio(nᵢ) the objects' area up to a common π/4. Equal centres (|d| = 0, where
/// the generator would divide by zero) count as complete overlap.
/// </remarks>
internal static class ShapesetOverlap
{
    /// <summary>The estimate for <paramref name="later"/> placed over <paramref name="earlier"/>; &gt; ½ means rejected.</summary>
    public static double Estimate(ShapesetObject earlier, ShapesetObject later)
    {
        int n = later.VerticesX.Count;
        var cx = new double[n];
        var cy = new double[n];
        for (var i = 0; i < n; i++)
        {
            cx[i] = later.VerticesX[i] - later.CenterX;
            cy[i] = later.VerticesY[i] - later.CenterY;
        }
        return Estimate(earlier.VerticesX.ToArray(), earlier.VerticesY.ToArray(), earlier.CenterX, earlier.CenterY,
            AreaWeight(earlier), cx, cy, later.CenterX, later.CenterY, AreaWeight(later));
    }

    /// <summary>s₀·s₁·arearatio(n): the object's area over π/4.</summary>
    public static double AreaWeight(ShapesetObject o) =>
        o.ScaleMajor * o.ScaleMinor * ShapesetSpec.AreaRatio(ShapesetSpec.VertexCounts[(int)o.Kind]);

    /// <summary>The estimate from raw vertices: the earlier object's translated, the new one's centred on its translation.</summary>
    internal static double Estimate(
        ReadOnlySpan<double> earlierX, ReadOnlySpan<double> earlierY, double earlierTx, double earlierTy, double earlierArea,
        ReadOnlySpan<double> centredX, ReadOnlySpan<double> centredY, double tx, double ty, double area)
    {
        double px = Math.Truncate(earlierTx), py = Math.Truncate(earlierTy);
        double dx = tx - px, dy = ty - py;
        double distance = Math.Sqrt(dx * dx + dy * dy);
        if (distance == 0) return double.PositiveInfinity;

        double reachEarlier = double.MinValue;
        for (var i = 0; i < earlierX.Length; i++)
            reachEarlier = Math.Max(reachEarlier, ((earlierX[i] - px) * dx + (earlierY[i] - py) * dy) / distance);
        double reachNew = double.MinValue;
        for (var i = 0; i < centredX.Length; i++)
            reachNew = Math.Max(reachNew, -(centredX[i] * dx + centredY[i] * dy) / distance);

        double reach = reachEarlier + reachNew;
        if (reach < distance) return 0;
        double factor = 1 - Math.Exp(-(reach - distance) / (distance / Math.Log(2)));
        return area * factor / earlierArea;
    }
}
