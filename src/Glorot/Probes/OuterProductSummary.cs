using Glorot.Numerics;

namespace Glorot.Probes;

/// <summary>
/// The statistics of the entries of per-example weight gradients dW_k = δ_k·x_kᵀ (fan_out × fan_in, paper eq. 7)
/// pooled over examples k, without forming the matrices: the same moments, histogram counts and sketch
/// percentiles as adding every float product fl(δ_i·x_j) to a <see cref="StreamingMoments"/>, a
/// <see cref="Histogram"/> and a <see cref="LogHistogram"/>, at a fraction of the cost.
/// </summary>
/// <remarks>
/// <para>Moments factor: Σ_ij δ_i x_j = Σδ·Σx and Σ_ij (δ_i x_j)² = Σδ²·Σx², so count, mean and M2 need O(n)
/// sums (exact products instead of rounded ones: the mean and M2 differ from the materialized ones by the float
/// rounding of the products, relative ≈ 2⁻²⁴). Min and max are exact: the extremes of a bilinear form over a box
/// lie at its corners, and rounding is monotone, so they are the rounded corner products.</para>
/// <para>Histogram: with x sorted, j ↦ bin(fl(δ_i·x_j)) is monotone for each row i (rounding and the binning are
/// monotone), so a row within one bin is counted from its two ends, and any other row from its bins computed 8 at a
/// time and its run ends (Kernels/OuterProductBins) — one addition per bin it spans instead of one per entry. The
/// counts are exactly those of <see cref="Histogram.Add"/> on the products (same product, same bin arithmetic).</para>
/// <para>Percentiles: the sketch's answer for rank r is the bucket of the value of rank r (bucket keys are monotone in
/// the value), so only the entries of the histogram bin that holds rank r are fed to a sketch, and its value at the
/// rank within that bin is returned. Same answer as the full sketch provided the float logarithm
/// (TensorPrimitives.Log) is monotone and does not depend on a value's position in its span; a span shorter than
/// four values may take the scalar logarithm, which can differ by one ulp and move a value lying on a bucket edge
/// (relative 1e-7) to the next bucket — within the sketch's documented α + 1e-6.</para>
/// <para>Only for finite inputs whose products cannot overflow (<see cref="TryAdd"/> says no otherwise: the caller
/// then forms the matrices, so non-finite entries are counted as before).</para>
/// </remarks>
internal sealed class OuterProductSummary
{
    private const int SketchChunk = 4096;
    private readonly Histogram _histogram;
    private readonly List<(float[] Deltas, float[] SortedInputs)> _examples = [];

    /// <summary>An empty summary whose histogram has the layout of <paramref name="layout"/> (every product must fall in its range).</summary>
    public OuterProductSummary(Histogram layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _histogram = new Histogram(layout.Low, layout.High, layout.BinCount);
    }

    /// <summary>Moments of every product added.</summary>
    public StreamingMoments Moments { get; } = new();

    /// <summary>Counts of every product added.</summary>
    public Histogram Histogram => _histogram;

    /// <summary>
    /// True when the products of <paramref name="deltas"/> and <paramref name="inputs"/> are all finite and inside the
    /// histogram's range (every value finite, max|δ|·max|x| within both the float range and the histogram's).
    /// </summary>
    public bool Accepts(ReadOnlySpan<float> deltas, ReadOnlySpan<float> inputs)
    {
        if (!Kernels.FiniteCheck.All(deltas) || !Kernels.FiniteCheck.All(inputs)) return false;
        double bound = MaxAbs(deltas) * MaxAbs(inputs);
        // A float product exceeds the exact one by at most a relative 2⁻²⁴: inside (1 + 2⁻²³)·bound.
        double reach = bound * (1 + Math.ScaleB(1.0, -23));
        return bound < float.MaxValue && -reach >= _histogram.Low && reach <= _histogram.High;
    }

    /// <summary>Adds the entries of δ·xᵀ, or returns false (adding nothing) when <see cref="Accepts"/> does not.</summary>
    public bool TryAdd(ReadOnlySpan<float> deltas, ReadOnlySpan<float> inputs)
    {
        if (deltas.IsEmpty || inputs.IsEmpty || !Accepts(deltas, inputs)) return false;
        Add(deltas, inputs);
        return true;
    }

    /// <summary>Adds the entries of δ·xᵀ for a caller that has already checked <see cref="Accepts"/> (both non-empty).</summary>
    internal void Add(ReadOnlySpan<float> deltas, ReadOnlySpan<float> inputs)
    {
        AddUncounted(deltas, inputs);
        CountRows(_examples.Count - 1, 1, _histogram.Counts);
    }

    /// <summary>
    /// The first half of <see cref="Add"/>: the example's moments (merged in the order examples are added), its
    /// sorted inputs and deltas kept; its histogram counts are left to <see cref="CountRows"/> and
    /// <see cref="AddCounts"/>, which may then run for several ranges of examples at once.
    /// </summary>
    internal void AddUncounted(ReadOnlySpan<float> deltas, ReadOnlySpan<float> inputs)
    {
        var sorted = inputs.ToArray();
        Array.Sort(sorted);
        var d = deltas.ToArray();
        AddMoments(d, sorted);
        _examples.Add((d, sorted));
    }

    /// <summary>Examples added so far.</summary>
    internal int ExampleCount => _examples.Count;

    /// <summary>
    /// Adds to <paramref name="counts"/> (one per histogram bin) the histogram counts of the products of examples
    /// [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) added by <see cref="AddUncounted"/>.
    /// Reads only what was added, so calls for different ranges and arrays may run at once; the counts are integers,
    /// so however the examples are split, their sum is the count <see cref="Add"/> gives.
    /// </summary>
    internal void CountRows(int first, int count, long[] counts)
    {
        if (counts.Length != _histogram.BinCount) throw new ArgumentException($"{_histogram.BinCount} bins, not {counts.Length}.", nameof(counts));
        int[] scratch = [];
        for (int k = first; k < first + count; k++)
        {
            var (d, sorted) = _examples[k];
            if (scratch.Length < sorted.Length) scratch = new int[sorted.Length];
            foreach (float delta in d)
                Kernels.OuterProductBins.CountRow(delta, sorted, _histogram.Low, _histogram.Scale, counts, scratch);
        }
    }

    /// <summary>Adds counts from <see cref="CountRows"/> to the histogram (exact: integer sums).</summary>
    internal void AddCounts(long[] counts)
    {
        if (counts.Length != _histogram.BinCount) throw new ArgumentException($"{_histogram.BinCount} bins, not {counts.Length}.", nameof(counts));
        for (int b = 0; b < counts.Length; b++) _histogram.AddToBin(b, counts[b]);
    }

    /// <summary>
    /// The q-quantile that a <see cref="LogHistogram"/> of relative accuracy <paramref name="alpha"/> fed every product
    /// would report (NaN when nothing was added).
    /// </summary>
    public double SketchQuantile(double q, double alpha)
    {
        long n = Moments.Count;
        if (n == 0) return double.NaN;
        long rank = (long)Math.Floor(q * (n - 1));
        int bin = 0;
        long before = 0;
        var counts = _histogram.Counts;
        while (before + counts[bin] <= rank) before += counts[bin++];
        // Only the entries of that bin can hold the rank: feed them to a sketch, a chunk at a time (bounded memory).
        var sketch = new LogHistogram(alpha);
        var buffer = new float[SketchChunk];
        int filled = 0;
        foreach (var (deltas, sorted) in _examples)
        {
            foreach (float delta in deltas)
            {
                var (start, end) = RunOf(delta, sorted, bin);
                for (int j = start; j < end; j++)
                {
                    buffer[filled++] = delta * sorted[j];
                    if (filled == SketchChunk)
                    {
                        sketch.Add(buffer);
                        filled = 0;
                    }
                }
            }
        }
        sketch.Add(buffer.AsSpan(0, filled));
        return sketch.ValueAtRank(rank - before);
    }

    // Count, mean and M2 from Σδ, Σδ², Σx, Σx² (exact-product moments); min and max from the four corner products.
    private void AddMoments(float[] deltas, float[] sorted)
    {
        double sumD = 0, sumD2 = 0, sumX = 0, sumX2 = 0;
        float minD = float.PositiveInfinity, maxD = float.NegativeInfinity;
        foreach (float v in deltas)
        {
            sumD += v;
            sumD2 += (double)v * v;
            minD = Math.Min(minD, v);
            maxD = Math.Max(maxD, v);
        }
        foreach (float v in sorted)
        {
            sumX += v;
            sumX2 += (double)v * v;
        }
        long count = (long)deltas.Length * sorted.Length;
        double mean = sumD * sumX / count;
        // M2 = Σ(v − v̄)² = Σv² − n·v̄².
        double m2 = Math.Max(0, sumD2 * sumX2 - mean * mean * count);
        float minX = sorted[0], maxX = sorted[^1];
        float a = minD * minX, b = minD * maxX, c = maxD * minX, e = maxD * maxX;
        double min = Math.Min(Math.Min(a, b), Math.Min(c, e)), max = Math.Max(Math.Max(a, b), Math.Max(c, e));
        Moments.Merge(new StreamingMoments(count, mean, m2, min, max, 0));
    }

    // [start, end) of the sorted inputs whose product with δ falls in `bin`: the bin, signed by δ's sign, is
    // non-decreasing along the sorted inputs, so two binary searches find the run — after the row's two ends have
    // shown that it reaches `bin` at all (most rows of a probe do not reach the bins of the 1st and 99th percentiles).
    private (int Start, int End) RunOf(float delta, float[] sorted, int bin)
    {
        int sign = delta < 0 ? -1 : 1, target = sign * bin;
        if (sign * _histogram.BinOf(delta * sorted[0]) > target || sign * _histogram.BinOf(delta * sorted[^1]) < target) return (0, 0);
        return (FirstAtLeast(delta, sorted, sign, target), FirstAtLeast(delta, sorted, sign, target + 1));
    }

    // The first j whose signed bin sign·bin(fl(δ·x_j)) is ≥ key (sorted.Length when none is).
    private int FirstAtLeast(float delta, float[] sorted, int sign, int key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (sign * _histogram.BinOf(delta * sorted[mid]) < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static double MaxAbs(ReadOnlySpan<float> values) => Math.Abs((double)System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values));
}
