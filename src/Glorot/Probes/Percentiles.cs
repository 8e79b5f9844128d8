namespace Glorot.Probes;

/// <summary>
/// Exact percentiles of a finite sample by sorting a copy (O(n log n) time, O(n) memory): meant for the fixed
/// probe set (300 examples × a layer's units), where exactness is cheap. Interpolation is numpy's default
/// ("linear", Hyndman &amp; Fan type 7): the p-th percentile of sorted x₀…x_{n−1} is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋),
/// h = (n − 1)·p/100.
/// </summary>
/// <remarks>
/// Glorot &amp; Bengio (2010) Figs. 3 and 10 plot "98 percentiles": an upper and a lower marker per layer, at
/// ±0.7 when the std is 0.3, i.e. the 1st and 99th percentiles (the central 98 % interval; glorot2010.md §4).
/// Non-finite values are ignored.
/// </remarks>
public static class Percentiles
{
    /// <summary>The 1st and 99th percentiles: the paper's "98 percentiles" (central 98 % interval).</summary>
    public static readonly double[] CentralNinetyEight = [1, 99];

    /// <summary>The <paramref name="percent"/>-th percentile (0 … 100) of the finite values; NaN when there are none.</summary>
    public static double Of(ReadOnlySpan<float> values, double percent) => Of(values, [percent])[0];

    /// <summary>Several percentiles (each 0 … 100) of the finite values from one sort; NaN when there are none.</summary>
    public static double[] Of(ReadOnlySpan<float> values, ReadOnlySpan<double> percents)
    {
        foreach (double p in percents)
            if (!(p >= 0 && p <= 100)) throw new ArgumentOutOfRangeException(nameof(percents), p, "A percentile lies in [0, 100].");
        var sorted = new float[values.Length];
        int n = 0;
        foreach (float v in values)
            if (float.IsFinite(v)) sorted[n++] = v;
        Array.Sort(sorted, 0, n);
        return Sorted(sorted.AsSpan(0, n), percents);
    }

    /// <summary>Percentiles of values already sorted ascending (all finite).</summary>
    public static double[] Sorted(ReadOnlySpan<float> sorted, ReadOnlySpan<double> percents)
    {
        var result = new double[percents.Length];
        for (int i = 0; i < percents.Length; i++)
        {
            if (sorted.Length == 0) { result[i] = double.NaN; continue; }
            double h = (sorted.Length - 1) * percents[i] / 100.0;
            int lo = (int)Math.Floor(h);
            int hi = Math.Min(lo + 1, sorted.Length - 1);
            result[i] = sorted[lo] + (h - lo) * ((double)sorted[hi] - sorted[lo]);
        }
        return result;
    }
}
