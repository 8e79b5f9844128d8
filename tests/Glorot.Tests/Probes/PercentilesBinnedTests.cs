using Glorot.Kernels;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Tests.Probes;

/// <summary>
/// <see cref="Percentiles.Of(ReadOnlySpan{float}, ReadOnlySpan{double})"/> (binned selection, <see cref="RankBins"/>)
/// against an independent oracle, bit for bit: keep the finite values, sort them, interpolate as numpy's "linear"
/// (Hyndman &amp; Fan type 7) with the float order statistics. Samples large enough to be binned (and binned again),
/// with ties, ±0, subnormals, the extremes of the float range, NaN and ±∞ among them.
/// </summary>
public sealed class PercentilesBinnedTests
{
    private static readonly double[] Percents = [0, 1, 2.5, 50, 97.5, 98, 99, 100];

    // The definition: x_(k) + (h − k)(x_(k+1) − x_(k)), h = (n − 1)·p/100, on the sorted finite values.
    private static double[] Oracle(float[] values, double[] percents)
    {
        var sorted = values.Where(float.IsFinite).ToArray();
        Array.Sort(sorted);
        return [.. percents.Select(p =>
        {
            if (sorted.Length == 0) return double.NaN;
            double h = (sorted.Length - 1) * p / 100.0;
            int k = (int)Math.Floor(h);
            float atK = sorted[k], next = sorted[Math.Min(k + 1, sorted.Length - 1)];
            return atK + (h - k) * ((double)next - atK);
        })];
    }

    private static void AssertBitIdentical(float[] values, double[] percents, string what)
    {
        var expected = Oracle(values, percents);
        var actual = Percentiles.Of(values, percents);
        for (int i = 0; i < percents.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{what}: p{percents[i]} is {actual[i]:R}, the sorted sample gives {expected[i]:R}");
    }

    private static float[] Sample(int n, ulong seed, Func<RandomStream, float> draw)
    {
        var random = new RandomStream(seed, 1);
        return [.. Enumerable.Range(0, n).Select(_ => draw(random))];
    }

    [Fact]
    public void Probe_sized_samples_of_every_shape_match_the_sorted_sample_bit_for_bit()
    {
        const int n = 300_000; // 300 probe examples × 1000 units
        AssertBitIdentical(Sample(n, 1, r => (float)r.NextGaussian()), Percents, "Gaussian");
        AssertBitIdentical(Sample(n, 2, r => (float)Math.Tanh(3 * r.NextGaussian())), Percents, "saturated tanh");
        // Heavy tails put p1 and p99 in the central bins, which then hold tens of thousands of values: binned again.
        AssertBitIdentical(Sample(n, 3, r => (float)Math.Tan(Math.PI * (r.NextDouble() - 0.5))), Percents, "Cauchy");
        AssertBitIdentical(Sample(n, 4, r => (float)Math.Pow(r.NextGaussian(), 9)), Percents, "Gaussian⁹");
        AssertBitIdentical(Sample(n, 5, r => (float)(1 / (1 + Math.Exp(-r.NextGaussian())))), Percents, "sigmoid");
    }

    [Fact]
    public void Ties_signed_zeros_and_subnormals_match_the_sorted_sample()
    {
        const int n = 20_000;
        AssertBitIdentical(Sample(n, 6, r => r.NextInt(7) - 3), Percents, "seven tied values");
        AssertBitIdentical(Sample(n, 7, r => r.NextInt(3) switch { 0 => -0f, 1 => 0f, _ => r.NextFloat() }), Percents, "±0 and positives");
        AssertBitIdentical(Sample(n, 8, r => r.NextInt(2) == 0 ? -0f : 0f), Percents, "only ±0");
        AssertBitIdentical(Sample(n, 9, r => r.NextInt(3) switch { 0 => -0f, 1 => 0f, _ => -r.NextFloat() }), Percents, "±0 and negatives");
        // Subnormals: the range is a few ulps of float.Epsilon, the bin arithmetic in double still separates them.
        AssertBitIdentical(Sample(n, 10, r => BitConverter.Int32BitsToSingle(r.NextInt(64)) * (r.NextInt(2) == 0 ? 1 : -1)), Percents, "subnormals");
        AssertBitIdentical(Sample(n, 11, r => r.NextInt(4) switch
        {
            0 => float.Epsilon * r.NextInt(5),
            1 => 1e-30f * r.NextFloat(),
            2 => -0f,
            _ => (float)r.NextGaussian(),
        }), Percents, "subnormals among normals");
        // The two ends of the float range: max − min is 6.8e38, finite in double.
        AssertBitIdentical(Sample(n, 12, r => r.NextInt(3) switch { 0 => -float.MaxValue, 1 => float.MaxValue, _ => (float)r.NextGaussian() }), Percents, "±float.MaxValue");
        // Neighbouring floats: a million ulps apart at most, many per bin.
        AssertBitIdentical(Sample(n, 13, r => BitConverter.Int32BitsToSingle(0x3F800000 + r.NextInt(1 << 20))), Percents, "adjacent floats");
    }

    [Fact]
    public void Non_finite_values_are_skipped_wherever_they_lie()
    {
        var values = Sample(50_000, 14, r => r.NextInt(10) switch
        {
            0 => float.NaN,
            1 => float.PositiveInfinity,
            2 => float.NegativeInfinity,
            _ => (float)r.NextGaussian(),
        });
        AssertBitIdentical(values, Percents, "NaN and ±∞ among Gaussians");
        AssertBitIdentical([float.NaN, float.PositiveInfinity, 2f, float.NegativeInfinity], Percents, "one finite value among non-finite ones");
        Assert.All(Percentiles.Of([float.NaN, float.NegativeInfinity], Percents), p => Assert.True(double.IsNaN(p)));
        Assert.All(Percentiles.Of(ReadOnlySpan<float>.Empty, Percents), p => Assert.True(double.IsNaN(p)));
    }

    [Fact]
    public void One_value_and_all_equal_values_are_every_percentile()
    {
        AssertBitIdentical([-3.5f], Percents, "n = 1");
        Assert.All(Percentiles.Of([-3.5f], Percents), p => Assert.Equal(-3.5, p));
        var equal = Enumerable.Repeat(0.1f, 100_000).ToArray();
        AssertBitIdentical(equal, Percents, "all equal");
        Assert.All(Percentiles.Of(equal, Percents), p => Assert.Equal((double)0.1f, p));
        // All equal but one: the one outlier alone in the last bin, everything else in bin 0 (binned again: one value).
        equal[12_345] = 1e6f;
        AssertBitIdentical(equal, Percents, "all equal but one");
    }

    [Fact]
    public void Every_size_around_the_sort_threshold_matches()
    {
        foreach (int n in new[] { 2, 3, RankBins.SortBelow - 1, RankBins.SortBelow, RankBins.SortBelow + 1, 3 * RankBins.SortBelow })
            AssertBitIdentical(Sample(n, (ulong)(100 + n), r => (float)r.NextGaussian()), Percents, $"n = {n}");
    }

    [Fact]
    public void RankBins_selects_every_rank_of_a_sample_with_one_huge_bin()
    {
        // Most values in [0, 1e-3), a few spread up to 1e3: the first bin holds almost all of them and is binned again.
        var values = Sample(5_000, 15, r => r.NextInt(50) == 0 ? (float)(1e3 * r.NextDouble()) : (float)(1e-3 * r.NextDouble()));
        var sorted = values.Order().ToArray();
        var (count, min, max) = RankBins.FiniteRange(values);
        Assert.Equal((values.Length, sorted[0], sorted[^1]), (count, min, max));
        var ranks = Enumerable.Range(0, values.Length).ToArray();
        var selected = new float[ranks.Length];
        RankBins.Select(values, count, min, max, ranks, selected);
        Assert.Equal(sorted, selected);
        Assert.Throws<ArgumentOutOfRangeException>(() => RankBins.Select(values, count, min, max, [values.Length], new float[1]));
    }
}
