using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// Histogram counts of one row of an outer product, fl(δ·x_j) for x sorted ascending (a per-example weight gradient's
/// row, Probes/OuterProductSummary.cs), with the bin arithmetic of Probes/Histogram.cs: bin = min(⌊(v − low)·scale⌋,
/// last) in double. Along a sorted row the bins are monotone (non-decreasing for δ ≥ 0, non-increasing for δ &lt; 0),
/// so a row is counted run by run: one addition per bin it spans.
/// </summary>
/// <remarks>
/// Bit-identical to binning each product with the scalar formula: the float products are IEEE products in both
/// paths, widening to double is exact, and the subtraction, the multiplication and the truncation (vcvttpd2dq, as C#'s
/// cast for values in [0, 2³¹)) are the scalar operations lane by lane (no fused multiply-add). The AVX path computes
/// 8 bins per instruction sequence and finds run ends 8 comparisons at a time; other machines take the scalar loop.
/// Every product must lie in [low, high] of the histogram (the caller checks max|δ|·max|x|).
/// </remarks>
internal static class OuterProductBins
{
    /// <summary>
    /// Adds to counts[b] the number of j with bin(fl(δ·x_j)) = b. sorted: x ascending (n ≥ 1); scratch: at least n ints.
    /// </summary>
    public static void CountRow(float delta, ReadOnlySpan<float> sorted, double low, double scale, Span<long> counts, Span<int> scratch)
    {
        int n = sorted.Length, last = counts.Length - 1;
        // A row within one bin (small |δ|, the common case for per-example gradients): its ends tell.
        int first = BinOf(delta * sorted[0], low, scale, last);
        if (first == BinOf(delta * sorted[n - 1], low, scale, last))
        {
            counts[first] += n;
            return;
        }
        var bins = scratch[..n];
        Bins(delta, sorted, low, scale, last, bins);
        ref int b = ref MemoryMarshal.GetReference(bins);
        int runStart = 0, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Lane i compares bins[j + i] with bins[j + i + 1]: a set bit marks the last entry of a run.
            for (; j + 8 < n; j += 8)
            {
                var here = Vector256.LoadUnsafe(ref b, (nuint)j);
                var next = Vector256.LoadUnsafe(ref b, (nuint)(j + 1));
                uint ends = ~Vector256.Equals(here, next).ExtractMostSignificantBits() & 0xFF;
                while (ends != 0)
                {
                    int at = j + BitOperations.TrailingZeroCount(ends);
                    counts[bins[at]] += at + 1 - runStart;
                    runStart = at + 1;
                    ends &= ends - 1;
                }
            }
        }
        for (; j < n - 1; j++)
        {
            if (bins[j] == bins[j + 1]) continue;
            counts[bins[j]] += j + 1 - runStart;
            runStart = j + 1;
        }
        counts[bins[n - 1]] += n - runStart;
    }

    /// <summary>bins[j] = bin(fl(δ·x_j)) for every j (any x, any order).</summary>
    public static void Bins(float delta, ReadOnlySpan<float> x, double low, double scale, int last, Span<int> bins)
    {
        int n = x.Length, j = 0;
        if (Avx.IsSupported)
        {
            ref float xs = ref MemoryMarshal.GetReference(x);
            ref int bs = ref MemoryMarshal.GetReference(bins);
            var d = Vector256.Create(delta);
            var lows = Vector256.Create(low);
            var scales = Vector256.Create(scale);
            var lasts = Vector128.Create(last);
            for (; j <= n - 8; j += 8)
            {
                var products = Vector256.LoadUnsafe(ref xs, (nuint)j) * d;
                var (lower, upper) = Vector256.Widen(products);
                var lowerBins = Avx.ConvertToVector128Int32WithTruncation((lower - lows) * scales);
                var upperBins = Avx.ConvertToVector128Int32WithTruncation((upper - lows) * scales);
                Vector128.Min(lowerBins, lasts).StoreUnsafe(ref bs, (nuint)j);
                Vector128.Min(upperBins, lasts).StoreUnsafe(ref bs, (nuint)(j + 4));
            }
        }
        for (; j < n; j++) bins[j] = BinOf(delta * x[j], low, scale, last);
    }

    /// <summary>Probes/Histogram.cs's bin of a value in [low, high]: ⌊(v − low)·scale⌋ in double, the last bin closed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BinOf(float value, double low, double scale, int last)
    {
        int bin = (int)((value - low) * scale);
        return bin > last ? last : bin;
    }
}
