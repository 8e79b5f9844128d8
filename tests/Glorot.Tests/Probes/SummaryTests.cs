using Glorot.Numerics;
using Glorot.Probes;

namespace Glorot.Tests.Probes;

public class SummaryTests
{
    [Fact]
    public void Of_gives_moments_percentiles_and_a_histogram_holding_every_value()
    {
        float[] values = [-3f, -1f, 0f, 2f, 7f];
        var s = Summary.Of(values, bins: 7);
        Assert.Equal(5, s.Count);
        Assert.Equal(1, s.Mean, 12);
        Assert.Equal(Math.Sqrt(63 / 5.0 - 1), s.Std, 12);
        Assert.Equal(Percentiles.Of(values, 1), s.P1);
        Assert.Equal((-7, 7), (s.Histogram.Low, s.Histogram.High));
        Assert.Equal(5, s.Histogram.InRange);
        Assert.Equal(0, s.PercentileRelativeError);
        Assert.Equal(63 / 5.0, s.SecondMoment, 12);
    }

    [Fact]
    public void A_given_range_counts_outliers_apart_and_zero_data_get_a_unit_range()
    {
        var s = Summary.Of([0.5f, 2f], 4, 0, 1);
        Assert.Equal(1, s.Histogram.Above);
        Assert.Equal((-1, 1), Summary.SymmetricRange(StreamingMoments.Of([0f, 0f])));
    }
}
