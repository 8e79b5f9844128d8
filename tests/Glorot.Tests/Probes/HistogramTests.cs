using CsCheck;
using Glorot.Probes;

namespace Glorot.Tests.Probes;

public class HistogramTests
{
    [Fact]
    public void Counts_are_conserved_and_density_integrates_to_one()
    {
        Gen.Select(Gen.Float[-3f, 3f].Array[1, 200], Gen.Int[1, 40]).Sample((values, bins) =>
        {
            var h = new Histogram(-2, 2, bins);
            h.Add(values);
            Assert.Equal(values.Length, h.Total);
            Assert.Equal(values.Count(v => v < -2), h.Below);
            Assert.Equal(values.Count(v => v > 2), h.Above);
            if (h.InRange > 0) Assert.Equal(1.0, h.Density().Sum() * h.BinWidth, 12);
        });
    }

    [Fact]
    public void Each_value_lands_in_the_bin_whose_edges_hold_it_and_the_top_edge_is_closed()
    {
        var h = new Histogram(0, 1, 4);
        h.Add([0f, 0.24f, 0.25f, 0.5f, 0.99f, 1f]);
        Assert.Equal([2L, 1, 1, 2], h.Counts);
        Assert.Equal(0.25, h.Edge(1));
        Assert.Equal(0.875, h.Center(3));
    }

    [Fact]
    public void Merge_adds_counts_and_refuses_another_layout()
    {
        var a = new Histogram(-1, 1, 10);
        var b = new Histogram(-1, 1, 10);
        a.Add([0.1f, 5f, float.NaN]);
        b.Add([0.1f, -0.9f, -5f]);
        a.Merge(b);
        Assert.Equal(6, a.Total);
        Assert.Equal(1, a.Below);
        Assert.Equal(1, a.Above);
        Assert.Equal(1, a.NonFinite);
        Assert.Equal(2, a.Counts[5]);
        Assert.Throws<ArgumentException>(() => a.Merge(new Histogram(-1, 1, 11)));
        Assert.Throws<ArgumentException>(() => new Histogram(1, 1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Histogram(0, 1, 0));
    }
}
