namespace Glorot.Kernels;

/// <summary>
/// Exact order statistics of the finite values of a span without copying or rearranging it: count the values into
/// <see cref="BinCount"/> equal bins over [min, max], find the bin that holds each requested rank from the counts, and
/// select only among that bin's values (gathered in one more pass, and binned again when there are many). The probe's
/// percentiles (Probes/Percentiles.cs) of 300 k values each.
/// </summary>
/// <remarks>
/// Exact because the bin of a value, ⌊(v − min)·scale⌋ in double clamped to the last bin, is non-decreasing in v
/// (subtraction, a positive scaling and truncation are each monotone, rounding included): every value of a lower bin
/// is ≤ every value of a higher one, so the value of rank r is the value of rank r − (count of the bins below) within
/// its bin. −0 and +0 share a bin and compare equal, so which one a rank returns is unspecified (they are equal as
/// numbers). NaN and ±∞ are skipped. Time O(n) for three passes over the values plus the selection inside the bins
/// (a bin holding more than <see cref="SortBelow"/> values is binned again over its own [min, max], whose ends fall in
/// different sub-bins, so each level shrinks it); memory: the counts plus the gathered bins.
/// </remarks>
internal static class RankBins
{
    /// <summary>Bins per level: fine enough that a bin of 300 k smooth values holds a few hundred.</summary>
    public const int BinCount = 2048;

    /// <summary>Bins holding at most this many values are sorted instead of binned again.</summary>
    public const int SortBelow = 512;

    /// <summary>Number of finite values, their minimum and maximum (min = +∞, max = −∞ when there are none).</summary>
    public static (int Count, float Min, float Max) FiniteRange(ReadOnlySpan<float> values)
    {
        int count = 0;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) continue;
            count++;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (count, min, max);
    }

    /// <summary>
    /// destination[i] = the finite value of ascending rank ranks[i] (0-based) of <paramref name="values"/>, whose finite
    /// values number <paramref name="count"/> and span [<paramref name="min"/>, <paramref name="max"/>]
    /// (<see cref="FiniteRange"/>).
    /// </summary>
    public static void Select(ReadOnlySpan<float> values, int count, float min, float max, ReadOnlySpan<int> ranks, Span<float> destination)
    {
        if (destination.Length < ranks.Length) throw new ArgumentException("One destination per rank.", nameof(destination));
        foreach (int r in ranks)
            if ((uint)r >= (uint)count) throw new ArgumentOutOfRangeException(nameof(ranks), r, $"A rank lies in 0..{count - 1}.");
        if (ranks.IsEmpty) return;
        if (min == max)
        {
            destination[..ranks.Length].Fill(min);
            return;
        }
        if (count <= SortBelow)
        {
            SelectBySorting(values, count, ranks, destination);
            return;
        }
        double scale = BinCount / ((double)max - min);
        var counts = new int[BinCount];
        foreach (float v in values)
            if (float.IsFinite(v)) counts[BinOf(v, min, scale)]++;

        // The bin of each rank and the rank inside it; one buffer per bin that some rank needs.
        var binOfRank = new int[ranks.Length];
        var rankInBin = new int[ranks.Length];
        var gathered = new float[BinCount][];
        for (int i = 0; i < ranks.Length; i++)
        {
            int bin = 0, before = 0;
            while (before + counts[bin] <= ranks[i]) before += counts[bin++];
            binOfRank[i] = bin;
            rankInBin[i] = ranks[i] - before;
            gathered[bin] ??= new float[counts[bin]];
        }
        var filled = new int[BinCount];
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) continue;
            int bin = BinOf(v, min, scale);
            if (gathered[bin] is { } buffer) buffer[filled[bin]++] = v;
        }
        // Ranks that share a bin are selected together (k and k + 1 of an interpolated percentile often do).
        var done = new bool[ranks.Length];
        for (int i = 0; i < ranks.Length; i++)
        {
            if (done[i]) continue;
            int bin = binOfRank[i];
            var same = Enumerable.Range(i, ranks.Length - i).Where(j => binOfRank[j] == bin).ToArray();
            var inner = same.Select(j => rankInBin[j]).ToArray();
            var selected = new float[same.Length];
            var buffer = gathered[bin];
            var (n, lo, hi) = FiniteRange(buffer);
            Select(buffer, n, lo, hi, inner, selected);
            for (int j = 0; j < same.Length; j++)
            {
                destination[same[j]] = selected[j];
                done[same[j]] = true;
            }
        }
    }

    // ⌊(v − min)·scale⌋ in double, the last bin closed (it holds max).
    private static int BinOf(float v, float min, double scale)
    {
        int bin = (int)(((double)v - min) * scale);
        return bin < BinCount ? bin : BinCount - 1;
    }

    // Few values: sort a copy of the finite ones.
    private static void SelectBySorting(ReadOnlySpan<float> values, int count, ReadOnlySpan<int> ranks, Span<float> destination)
    {
        var sorted = new float[count];
        int n = 0;
        foreach (float v in values)
            if (float.IsFinite(v)) sorted[n++] = v;
        Array.Sort(sorted);
        for (int i = 0; i < ranks.Length; i++) destination[i] = sorted[ranks[i]];
    }
}
