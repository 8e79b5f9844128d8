using System.Text.Json.Serialization;

namespace Glorot.Probes;

/// <summary>
/// Counts over a fixed layout of equal-width bins on [<see cref="Low"/>, <see cref="High"/>), with the values
/// below and above the range (and non-finite ones) counted apart so that no value is lost. Two histograms with
/// the same layout merge exactly (counts add). <see cref="Density"/> gives the paper's "normalized histogram"
/// (Glorot &amp; Bengio 2010, Figs. 4, 6–8): count / (total in range · bin width), area 1.
/// </summary>
/// <remarks>
/// Memory O(bins); adding n values costs O(n). The last bin is closed (it holds <see cref="High"/>), so a layout
/// of [min, max] of the data keeps every value in range.
/// </remarks>
public sealed class Histogram
{
    private readonly long[] _counts;
    private readonly double _scale; // bins per unit of value: bins / (High − Low), computed once

    /// <summary>An empty histogram of <paramref name="bins"/> equal bins over [low, high].</summary>
    public Histogram(double low, double high, int bins)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
            throw new ArgumentException($"A histogram needs finite low < high; got [{low}, {high}].");
        if (bins <= 0) throw new ArgumentOutOfRangeException(nameof(bins), bins, "A histogram needs at least one bin.");
        Low = low;
        High = high;
        _counts = new long[bins];
        _scale = bins / (high - low);
    }

    /// <summary>A histogram with the given state (for deserialization).</summary>
    [JsonConstructor]
    public Histogram(double low, double high, long[] counts, long below, long above, long nonFinite)
        : this(low, high, (counts ?? throw new ArgumentNullException(nameof(counts))).Length)
    {
        if (below < 0 || above < 0 || nonFinite < 0 || counts.Any(c => c < 0))
            throw new ArgumentException("Histogram counts must be non-negative.");
        counts.CopyTo(_counts, 0);
        Below = below;
        Above = above;
        NonFinite = nonFinite;
    }

    /// <summary>Left edge of the first bin.</summary>
    public double Low { get; }

    /// <summary>Right edge of the last bin.</summary>
    public double High { get; }

    /// <summary>Count per bin.</summary>
    public long[] Counts => _counts;

    /// <summary>Values below <see cref="Low"/>.</summary>
    public long Below { get; private set; }

    /// <summary>Values above <see cref="High"/>.</summary>
    public long Above { get; private set; }

    /// <summary>NaN and ±∞ values.</summary>
    public long NonFinite { get; private set; }

    /// <summary>Number of bins.</summary>
    [JsonIgnore]
    public int BinCount => _counts.Length;

    /// <summary>Width of each bin.</summary>
    [JsonIgnore]
    public double BinWidth => (High - Low) / _counts.Length;

    /// <summary>Values inside [Low, High].</summary>
    [JsonIgnore]
    public long InRange => _counts.Sum();

    /// <summary>Every value ever added (in range, below, above, non-finite).</summary>
    [JsonIgnore]
    public long Total => InRange + Below + Above + NonFinite;

    /// <summary>Left edge of bin <paramref name="bin"/>.</summary>
    public double Edge(int bin) => Low + (High - Low) * bin / _counts.Length;

    /// <summary>Centre of bin <paramref name="bin"/>.</summary>
    public double Center(int bin) => Low + (High - Low) * (bin + 0.5) / _counts.Length;

    /// <summary>Adds values.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        int last = _counts.Length - 1;
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) { NonFinite++; continue; }
            if (v < Low) { Below++; continue; }
            if (v > High) { Above++; continue; }
            _counts[BinOf(v, _scale, last)]++;
        }
    }

    /// <summary>
    /// The bin <see cref="Add"/> puts a finite value of [Low, High] in, for callers that count runs of values whose
    /// bins they know to be equal (a weight gradient's outer product, <see cref="OuterProductSummary"/>).
    /// </summary>
    internal int BinOf(float value) => BinOf(value, _scale, _counts.Length - 1);

    /// <summary>Bins per unit of value, bins / (High − Low): the factor of <see cref="BinOf(float)"/>'s arithmetic.</summary>
    internal double Scale => _scale;

    /// <summary>Adds <paramref name="count"/> values to bin <paramref name="bin"/> (their bin by <see cref="BinOf(float)"/>).</summary>
    internal void AddToBin(int bin, long count) => _counts[bin] += count;

    // Truncation of (v − Low)·scale in double; the last bin is closed (it holds High).
    private int BinOf(double value, double scale, int last)
    {
        int bin = (int)((value - Low) * scale);
        return bin > last ? last : bin;
    }

    /// <summary>Adds the counts of a histogram with the same layout (exact).</summary>
    public void Merge(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Low != Low || other.High != High || other.BinCount != BinCount)
            throw new ArgumentException($"Cannot merge histograms with different layouts: [{Low}, {High}]×{BinCount} and [{other.Low}, {other.High}]×{other.BinCount}.");
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Below += other.Below;
        Above += other.Above;
        NonFinite += other.NonFinite;
    }

    /// <summary>
    /// Density per bin, count / (<see cref="InRange"/> · <see cref="BinWidth"/>): Σ density·width = 1 over the
    /// range (all zeros when nothing is in range).
    /// </summary>
    public double[] Density()
    {
        long inRange = InRange;
        double norm = inRange == 0 ? 0 : 1.0 / (inRange * BinWidth);
        return [.. _counts.Select(c => c * norm)];
    }
}
