using Glorot.Numerics;

namespace Glorot.Probes;

/// <summary>
/// What one quantity of one layer looked like at one probe time: moments over every value (units × examples),
/// the 1st and 99th percentiles (the paper's "98 percentiles"), and a normalized-histogram-ready
/// <see cref="Histogram"/>. Plain data: every number is exported by <see cref="ProbeCsv"/> and <see cref="ProbeJson"/>.
/// </summary>
/// <param name="Count">Finite values summarized.</param>
/// <param name="Mean">Their mean.</param>
/// <param name="Std">Their population standard deviation.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="P1">1st percentile (exact, or from the sketch where <paramref name="PercentileRelativeError"/> &gt; 0).</param>
/// <param name="P99">99th percentile.</param>
/// <param name="PercentileRelativeError">0 for exact percentiles; α when they come from a <see cref="LogHistogram"/>.</param>
/// <param name="NonFinite">NaN / ±∞ values seen (excluded from everything else).</param>
/// <param name="Histogram">Counts over a fixed layout; <see cref="Probes.Histogram.Density"/> gives the paper's normalized histogram.</param>
public sealed record Summary(long Count, double Mean, double Std, double Min, double Max, double P1, double P99,
    double PercentileRelativeError, long NonFinite, Histogram Histogram)
{
    /// <summary>E[x²] = Std² + Mean².</summary>
    public double SecondMoment => Std * Std + Mean * Mean;

    /// <summary>
    /// Exact summary of a sample held in memory: moments in double, exact percentiles, a histogram over
    /// [<paramref name="low"/>, <paramref name="high"/>] or, when those are null, over ±max|x| (every value in range).
    /// </summary>
    public static Summary Of(ReadOnlySpan<float> values, int bins, double? low = null, double? high = null)
    {
        var moments = StreamingMoments.Of(values);
        var p = Percentiles.Of(values, Percentiles.CentralNinetyEight);
        var (lo, hi) = low is { } l && high is { } h ? (l, h) : SymmetricRange(moments);
        var histogram = new Histogram(lo, hi, bins);
        histogram.Add(values);
        return From(moments, p[0], p[1], 0, histogram);
    }

    /// <summary>A summary from streamed parts.</summary>
    public static Summary From(StreamingMoments moments, double p1, double p99, double percentileRelativeError, Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(moments);
        ArgumentNullException.ThrowIfNull(histogram);
        bool empty = moments.Count == 0;
        return new Summary(moments.Count, empty ? double.NaN : moments.Mean, moments.Std, empty ? double.NaN : moments.Min,
            empty ? double.NaN : moments.Max, p1, p99, percentileRelativeError, moments.NonFinite, histogram);
    }

    /// <summary>[−m, m] with m = max|x| (or [−1, 1] when every value is 0 or there are none).</summary>
    public static (double Low, double High) SymmetricRange(StreamingMoments moments)
    {
        ArgumentNullException.ThrowIfNull(moments);
        double m = moments.Count == 0 ? 0 : Math.Max(Math.Abs(moments.Min), Math.Abs(moments.Max));
        return m > 0 ? (-m, m) : (-1, 1);
    }
}
