namespace Glorot.Probes;

/// <summary>
/// Exact percentiles of a finite sample by selection on a copy (introselect: quickselect with a median-of-three
/// pivot, falling back to a sort when a range fails to shrink; O(n) expected time, O(n) memory): meant for the fixed
/// probe set (300 examples × a layer's units), where exactness is cheap. Interpolation is numpy's default
/// ("linear", Hyndman &amp; Fan type 7): the p-th percentile of sorted x₀…x_{n−1} is x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋),
/// h = (n − 1)·p/100.
/// </summary>
/// <remarks>
/// Glorot &amp; Bengio (2010) Figs. 3 and 10 plot "98 percentiles": an upper and a lower marker per layer, at
/// ±0.7 when the std is 0.3, i.e. the 1st and 99th percentiles (the central 98 % interval: ±2.33σ of a Gaussian).
/// Non-finite values are ignored.
/// </remarks>
public static class Percentiles
{
    /// <summary>The 1st and 99th percentiles: the paper's "98 percentiles" (central 98 % interval).</summary>
    public static readonly double[] CentralNinetyEight = [1, 99];

    /// <summary>The <paramref name="percent"/>-th percentile (0 … 100) of the finite values; NaN when there are none.</summary>
    public static double Of(ReadOnlySpan<float> values, double percent) => Of(values, [percent])[0];

    /// <summary>Several percentiles (each 0 … 100) of the finite values from one copy; NaN when there are none.</summary>
    public static double[] Of(ReadOnlySpan<float> values, ReadOnlySpan<double> percents)
    {
        foreach (double p in percents)
            if (!(p >= 0 && p <= 100)) throw new ArgumentOutOfRangeException(nameof(percents), p, "A percentile lies in [0, 100].");
        var copy = new float[values.Length];
        int n = 0;
        foreach (float v in values)
            if (float.IsFinite(v)) copy[n++] = v;
        var result = new double[percents.Length];
        if (n == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }
        // Ascending ranks: after selecting rank k on [start, n), everything right of k is ≥ x_(k), so the next rank
        // is selected on [k + 1, n) and x_(k+1) is the minimum of that range.
        var sortedPercents = percents.ToArray();
        var order = Enumerable.Range(0, sortedPercents.Length).OrderBy(i => sortedPercents[i]).ToArray();
        int start = 0, selected = -1;
        float atK = 0, next = 0;
        foreach (int i in order)
        {
            double h = (n - 1) * percents[i] / 100.0;
            int k = (int)Math.Floor(h);
            if (k != selected)
            {
                Select(copy.AsSpan(start, n - start), k - start);
                atK = copy[k];
                next = k + 1 < n ? Min(copy.AsSpan(k + 1, n - k - 1)) : atK;
                selected = k;
                start = k + 1;
            }
            result[i] = atK + (h - k) * ((double)next - atK);
        }
        return result;
    }

    // Rearranges a so that a[k] is its k-th smallest value, smaller ones left of it and larger ones right.
    private static void Select(Span<float> a, int k)
    {
        int lo = 0, hi = a.Length - 1, budget = 2 * (int)Math.Log2(a.Length + 1) + 8;
        while (hi > lo)
        {
            if (budget-- == 0)
            {
                a[lo..(hi + 1)].Sort();   // adversarial input: finish in O(n log n)
                return;
            }
            int mid = lo + (hi - lo) / 2;
            // Median of three as the pivot.
            if (a[mid] < a[lo]) (a[mid], a[lo]) = (a[lo], a[mid]);
            if (a[hi] < a[lo]) (a[hi], a[lo]) = (a[lo], a[hi]);
            if (a[hi] < a[mid]) (a[hi], a[mid]) = (a[mid], a[hi]);
            float pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            // Now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] == pivot.
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return;
        }
    }

    private static float Min(ReadOnlySpan<float> a)
    {
        float m = a[0];
        foreach (float v in a)
            if (v < m) m = v;
        return m;
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
