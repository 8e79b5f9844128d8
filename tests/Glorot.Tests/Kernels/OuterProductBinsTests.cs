using Glorot.Kernels;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Tests.Kernels;

/// <summary>
/// <see cref="OuterProductBins"/> against <see cref="Histogram.Add"/> fed each product fl(δ·x_j) one by one: the same
/// counts, bin for bin, for rows of every length around the vector width, δ of both signs and zero, products on bin
/// edges and at the closed right end.
/// </summary>
public sealed class OuterProductBinsTests
{
    private static Histogram Counted(float delta, float[] sorted, Histogram layout, bool kernel)
    {
        var h = new Histogram(layout.Low, layout.High, layout.BinCount);
        if (kernel)
            OuterProductBins.CountRow(delta, sorted, h.Low, h.Scale, h.Counts, new int[sorted.Length]);
        else
            h.Add([.. sorted.Select(x => delta * x)]);
        return h;
    }

    [Fact]
    public void Rows_of_every_length_and_sign_count_as_the_histogram_of_their_products()
    {
        var random = new RandomStream(21, 1);
        var layout = new Histogram(-1.0000001, 1.0000001, 100);
        for (int n = 1; n <= 41; n++)
        {
            foreach (float delta in new[] { 0f, -0f, 1e-6f, 0.9f, -0.9f, 0.37f, -0.013f })
            {
                var x = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble(-1, 1)).Order().ToArray();
                Assert.Equal(Counted(delta, x, layout, false).Counts, Counted(delta, x, layout, true).Counts);
            }
        }
    }

    [Fact]
    public void Products_on_bin_edges_and_at_the_closed_end_land_where_the_histogram_puts_them()
    {
        // Layout [−1, 1] in 8 bins: edges at multiples of 0.25, exact in float and double; δ = ±1 keeps x on them.
        var layout = new Histogram(-1, 1, 8);
        var edges = Enumerable.Range(0, 9).Select(i => -1f + 0.25f * i).ToArray();
        var near = edges.SelectMany(e => new[] { MathF.BitDecrement(e), e, MathF.BitIncrement(e) })
            .Where(v => v >= -1 && v <= 1).Order().ToArray();
        foreach (float delta in new[] { 1f, -1f, 0.5f, -0.999f })
        {
            var kernel = Counted(delta, near, layout, true);
            Assert.Equal(Counted(delta, near, layout, false).Counts, kernel.Counts);
            Assert.Equal(near.Length, kernel.InRange);
        }
    }

    [Fact]
    public void Bins_of_unsorted_values_are_the_scalar_bins()
    {
        var random = new RandomStream(22, 1);
        var x = Enumerable.Range(0, 1000).Select(_ => (float)random.NextGaussian()).ToArray();
        float delta = -0.3f;
        double bound = 0.3 * x.Max(Math.Abs) * 1.000001;
        var h = new Histogram(-bound, bound, 100);
        var bins = new int[x.Length];
        OuterProductBins.Bins(delta, x, h.Low, h.Scale, h.BinCount - 1, bins);
        Assert.Equal(x.Select(v => h.BinOf(delta * v)), bins);
    }
}
