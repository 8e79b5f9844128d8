namespace Glorot.Data;

/// <summary>
/// Counts of each 8-bit pixel value, and the moments of v / 255 taken from them: 256 bins hold any number of
/// pixels exactly, and the variance is summed about the mean (two passes over the bins), so a near-constant
/// data set keeps its digits.
/// </summary>
internal sealed class PixelHistogram
{
    private readonly long[] _counts = new long[256];

    /// <summary>Counts every pixel of <paramref name="pixels"/>.</summary>
    public void Add(ReadOnlySpan<byte> pixels)
    {
        var counts = _counts;
        foreach (var v in pixels) counts[v]++;
    }

    /// <summary>Pixels counted.</summary>
    public long Total => _counts.Sum();

    /// <summary>Number of distinct values seen.</summary>
    public int Distinct => _counts.Count(c => c > 0);

    /// <summary>Smallest and largest value seen, as v / 255.</summary>
    public (double Min, double Max) Range =>
        (Array.FindIndex(_counts, c => c > 0) / 255.0, Array.FindLastIndex(_counts, c => c > 0) / 255.0);

    /// <summary>Mean and (population) standard deviation of v / 255.</summary>
    public (double Mean, double Std) Moments()
    {
        double n = Total, sum = 0, squares = 0;
        for (var v = 0; v < 256; v++) sum += _counts[v] * (v / 255.0);
        double mean = sum / n;
        for (var v = 0; v < 256; v++) squares += _counts[v] * (v / 255.0 - mean) * (v / 255.0 - mean);
        return (mean, Math.Sqrt(squares / n));
    }
}
