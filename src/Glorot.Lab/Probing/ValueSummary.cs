namespace Glorot.Lab.Probing;

/// <summary>
/// Summary of one layer's values at one probe time: exact count, mean, standard deviation, min and max over all
/// values; the 1st and 99th percentiles (the paper's "98 percentiles", glorot2010.md §4) and a density histogram
/// from a deterministic strided sample of at most <see cref="SampleCap"/> values (all of them for activations and
/// back-propagated gradients of 300 examples × 1000 units).
/// </summary>
public sealed record ValueSummary(long Count, double Mean, double Std, double Min, double Max, double P01, double P99,
    double HistogramLow, double HistogramHigh, double[] Density, double OutsideFraction)
{
    /// <summary>Largest sample kept for percentiles and histograms. A 100-bin density from 300k values has a relative
    /// error of about 1/√(300k/100) ≈ 2 % per bin, below what the eye reads from the figures.</summary>
    public const int SampleCap = 300_000;
}

/// <summary>Accumulates values in chunks (exact moments in double, strided sample) and then summarizes them.</summary>
public sealed class ValueSummarizer
{
    private readonly int _stride;
    private readonly List<float> _sample = [];
    private long _count, _seen;
    private double _sum, _sumSquares, _min = double.PositiveInfinity, _max = double.NegativeInfinity;

    /// <summary>A summarizer for <paramref name="expectedCount"/> values (sets the sampling stride).</summary>
    public ValueSummarizer(long expectedCount)
    {
        _stride = (int)Math.Max(1, (expectedCount + ValueSummary.SampleCap - 1) / ValueSummary.SampleCap);
    }

    /// <summary>Adds a chunk of values.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        double sum = 0, squares = 0, min = _min, max = _max;
        foreach (float v in values)
        {
            sum += v;
            squares += (double)v * v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        _sum += sum; _sumSquares += squares; _min = min; _max = max;
        // Sample positions are global (every stride-th value overall), so chunking does not change the sample.
        long first = (_stride - _seen % _stride) % _stride;
        for (long i = first; i < values.Length; i += _stride) _sample.Add(values[(int)i]);
        _seen += values.Length;
        _count += values.Length;
    }

    /// <summary>
    /// The summary, with a histogram of <paramref name="bins"/> bins over [low, high] when given, else over the
    /// symmetric range ±max(|q0.1%|, |q99.9%|) (gradients: centred on 0 as in the paper's Figs. 7–8).
    /// </summary>
    public ValueSummary Summarize(int bins, double? low = null, double? high = null)
    {
        if (_count == 0) throw new InvalidOperationException("No values were added.");
        double mean = _sum / _count;
        double variance = Math.Max(0, _sumSquares / _count - mean * mean);
        var sorted = _sample.ToArray();
        Array.Sort(sorted);
        double p01 = Quantile(sorted, 0.01), p99 = Quantile(sorted, 0.99);
        double lo, hi;
        if (low is { } l && high is { } h) { lo = l; hi = h; }
        else
        {
            double r = Math.Max(Math.Abs(Quantile(sorted, 0.001)), Math.Abs(Quantile(sorted, 0.999)));
            if (!(r > 0) || !double.IsFinite(r)) r = 1e-12;
            lo = -r; hi = r;
        }
        var density = new double[bins];
        double width = (hi - lo) / bins;
        long outside = 0;
        foreach (float v in sorted)
        {
            if (!(v >= lo && v <= hi)) { outside++; continue; }
            int b = Math.Min(bins - 1, (int)((v - lo) / width));
            density[b]++;
        }
        // Density over all sampled values (outliers included in the denominator), so the area is the fraction inside.
        for (int b = 0; b < bins; b++) density[b] /= sorted.Length * width;
        return new ValueSummary(_count, mean, Math.Sqrt(variance), _min, _max, p01, p99, lo, hi, density,
            (double)outside / sorted.Length);
    }

    /// <summary>Quantile q of sorted values, linear interpolation between order statistics (numpy's default).</summary>
    public static double Quantile(ReadOnlySpan<float> sorted, double q)
    {
        if (sorted.Length == 0) throw new ArgumentException("No values.", nameof(sorted));
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(sorted.Length - 1, below + 1);
        double t = position - below;
        return sorted[below] + t * (sorted[above] - (double)sorted[below]);
    }
}
