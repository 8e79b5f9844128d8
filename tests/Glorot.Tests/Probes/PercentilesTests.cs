using CsCheck;
using Glorot.Probes;

namespace Glorot.Tests.Probes;

public class PercentilesTests
{
    [Fact]
    public void Percentiles_follow_numpys_linear_interpolation_of_the_sorted_sample()
    {
        Gen.Select(Gen.Float[-10f, 10f].Array[1, 50], Gen.Double[0, 100]).Sample((values, p) =>
        {
            var sorted = values.Select(v => (double)v).Order().ToArray();
            double h = (sorted.Length - 1) * p / 100;
            int lo = (int)Math.Floor(h), hi = Math.Min(lo + 1, sorted.Length - 1);
            double expected = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
            Assert.Equal(expected, Percentiles.Of(values, p), 9);
        });
    }

    [Fact]
    public void Several_percentiles_in_any_order_with_ties_equal_those_of_the_sorted_sample()
    {
        // Ranks that share a bin are selected together; ties and repeated percents must not disturb it.
        Gen.Select(Gen.Int[-5, 5].Select(i => (float)i).Array[1, 300], Gen.Double[0, 100].Array[1, 8]).Sample((values, ps) =>
        {
            var sorted = values.Order().ToArray();
            var expected = Percentiles.Sorted(sorted, ps);
            Assert.Equal(expected, Percentiles.Of(values, ps));
        });
        var large = Enumerable.Range(0, 100_000).Select(i => (float)((i * 7919L) % 100_003)).ToArray();
        Assert.Equal(Percentiles.Sorted(large.Order().ToArray(), [99, 1, 50]), Percentiles.Of(large, [99, 1, 50]));
        var organPipe = Enumerable.Range(0, 50_000).Select(i => (float)Math.Min(i, 50_000 - i)).ToArray();
        Assert.Equal(Percentiles.Sorted(organPipe.Order().ToArray(), [1, 99]), Percentiles.Of(organPipe, [1, 99]));
    }

    [Fact]
    public void Known_values_match_numpy()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [0, 1, 25, 50, 99, 100]) = [1, 1.04, 2, 3, 9.76, 10].
        var r = Percentiles.Of([4f, 1f, 10f, 3f, 2f], [0, 1, 25, 50, 99, 100]);
        Assert.Equal([1, 1.04, 2, 3, 9.76, 10], r.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void Non_finite_values_are_ignored_and_bad_percents_rejected()
    {
        Assert.Equal(2, Percentiles.Of([float.NaN, 1f, 3f, float.NegativeInfinity], 50));
        Assert.True(double.IsNaN(Percentiles.Of([float.NaN], 50)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1f], 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Of([1f], double.NaN));
    }
}
