using Glorot.Data;

namespace Glorot.Tests.Data;

public class DatasetStatisticsTests
{
    [Fact]
    public void Counts_classes_and_pixel_moments_of_a_known_set()
    {
        byte[] pixels = [0, 255, 51, 51, 102, 204];
        byte[] labels = [0, 1, 1];
        var data = new ArrayDataset("known", new ImageShape(1, 1, 2), ["a", "b"], pixels, labels, PixelNormalization.ZeroOne);
        var stats = DatasetStatistics.Compute(data);
        Assert.Equal([1L, 2L], stats.ClassCounts);
        double[] x = pixels.Select(v => v / 255.0).ToArray();
        double mean = x.Average();
        Assert.Equal(mean, stats.PixelMean, 12);
        Assert.Equal(Math.Sqrt(x.Average(v => (v - mean) * (v - mean))), stats.PixelStd, 12);
        Assert.Equal(0, stats.PixelMin);
        Assert.Equal(1, stats.PixelMax);
        Assert.Equal(1 / 3.0, stats.ConstantPredictorError, 12);
    }

    [Fact]
    public void An_endless_stream_needs_a_count()
    {
        Assert.Throws<ArgumentException>(() => DatasetStatistics.Compute(Shapeset.Training(1)));
        Assert.Equal(100, DatasetStatistics.Compute(Shapeset.Training(1), 100).Examples);
    }

    [Fact]
    public void Of_splits_counts_all_of_a_finite_split_a_default_of_an_endless_one_and_at_most_a_split()
    {
        byte[] pixels = [0, 255, 51, 51, 102, 204];
        var finite = new ArrayDataset("known", new ImageShape(1, 1, 2), ["a", "b"], pixels, [0, 1, 1], PixelNormalization.ZeroOne);
        var endless = Shapeset.Training(1);
        Assert.Equal([3L, DatasetStatistics.EndlessSplitCount], DatasetStatistics.Of([finite, endless]).Select(s => s.Examples));
        Assert.Equal([2L, 2L], DatasetStatistics.Of([finite, endless], 2).Select(s => s.Examples));
        Assert.Equal([3L, 50L], DatasetStatistics.Of([finite, endless], 50).Select(s => s.Examples));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetStatistics.Of([finite], 0));
    }
}
