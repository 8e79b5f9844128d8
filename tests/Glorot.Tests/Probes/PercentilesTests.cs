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
