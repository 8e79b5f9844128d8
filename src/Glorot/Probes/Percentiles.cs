namespace Glorot.Probes;

/// <summary>
/// Exact percentiles of the finite values of a sample, found without copying or sorting it: the values are counted
/// into fine bins and only the bin holding each needed rank is searched (<see cref="Kernels.RankBins"/>: three passes,
/// O(n) time, memory a few thousand counts plus that bin's values): meant for the fixed probe set (300 examples × a
/// layer's units), where exactness is cheap. Interpolation is numpy's default ("linear", Hyndman &amp; Fan type 7): the
/// p-th percentile of sorted x₀…x_{n−1} is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), h = (n − 1)·p/100.
/// </summary>
/// <remarks>
/// Glorot &amp; Bengio (2010) Figs. 3 and 10 plot "98 percentiles": an upper and a lower marker per layer, at
/// ±0.7 when the std is 0.3, i.e. the 1st and 99th percentiles (the central 98 % interval: ±2.33σ of a Gaussian).
/// Non-finite values are ignored. The result depends only on the multiset of finite values (−0 and +0 give the same
/// percentile), so any exact selection returns the same doubles bit for bit.
/// </remarks>
public static class Percentiles
{
    /// <summary>The 1st and 99th percentiles: the paper's "98 percentiles" (central 98 % interval).</summary>
    public static readonly double[] CentralNinetyEight = [1, 99];

    /// <summary>The <paramref name="percent"/>-th percentile (0 … 100) of the finite values; NaN when there are none.</summary>
    public static double Of(ReadOnlySpan<float> values, double percent) => Of(values, [percent])[0];

    /// <summary>Several percentiles (each 0 … 100) of the finite values; NaN when there are none.</summary>
    public static double[] Of(ReadOnlySpan<float> values, ReadOnlySpan<double> percents)
    {
        foreach (double p in percents)
            if (!(p >= 0 && p <= 100)) throw new ArgumentOutOfRangeException(nameof(percents), p, "A percentile lies in [0, 100].");
        var result = new double[percents.Length];
        var (n, min, max) = Kernels.RankBins.FiniteRange(values);
        if (n == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }
        // Each percentile needs x_(k) and x_(k+1), k = ⌊h⌋ (x_(k) alone when k is the last rank).
        var ranks = new int[2 * percents.Length];
        for (int i = 0; i < percents.Length; i++)
        {
            int k = (int)Math.Floor((n - 1) * percents[i] / 100.0);
            ranks[2 * i] = k;
            ranks[2 * i + 1] = Math.Min(k + 1, n - 1);
        }
        var selected = new float[ranks.Length];
        Kernels.RankBins.Select(values, n, min, max, ranks, selected);
        for (int i = 0; i < percents.Length; i++)
        {
            double h = (n - 1) * percents[i] / 100.0;
            int k = (int)Math.Floor(h);
            float atK = selected[2 * i], next = selected[2 * i + 1];
            result[i] = atK + (h - k) * ((double)next - atK);
        }
        return result;
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
