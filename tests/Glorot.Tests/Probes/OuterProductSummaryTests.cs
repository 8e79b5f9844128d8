using Glorot.Kernels;
using Glorot.Numerics;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Tests.Probes;

/// <summary>
/// The factored weight-gradient statistics against the way they were computed before (the oracle below forms each
/// per-example gradient δ·xᵀ with the GEMM and adds every entry): histogram counts, min, max and sketch
/// percentiles must be identical; mean and std equal up to the float rounding of the products.
/// </summary>
public class OuterProductSummaryTests
{
    private const double Alpha = 0.005;
    private static readonly double[] Quantiles = [0, 0.001, 0.01, 0.25, 0.5, 0.75, 0.99, 0.999, 1];

    [Theory]
    [InlineData(1, "gaussian", "tanh")]
    [InlineData(2, "gaussian", "sigmoid")]
    [InlineData(3, "heavy", "tanh")]
    [InlineData(4, "gaussian", "zeros-and-constant")]
    [InlineData(5, "with-zero-rows", "tanh")]
    [InlineData(6, "constant", "sigmoid")]
    public void Every_statistic_matches_the_formed_gradients(ulong seed, string deltaKind, string inputKind)
    {
        const int fanOut = 120, fanIn = 170, examples = 7;
        var random = new RandomStream(seed, 1);
        var deltas = new float[examples * fanOut];
        var inputs = new float[examples * fanIn];
        for (int i = 0; i < deltas.Length; i++)
            deltas[i] = deltaKind switch
            {
                "gaussian" => (float)(1e-3 * random.NextGaussian()),
                // Magnitudes over six decades, both signs: the sketch's buckets spread.
                "heavy" => (float)((random.NextDouble() < 0.5 ? -1 : 1) * Math.Pow(10, random.NextDouble(-9, -3))),
                "with-zero-rows" => i % 5 == 0 ? 0f : (float)(1e-2 * random.NextGaussian()),
                _ => -2.5e-4f,
            };
        for (int i = 0; i < inputs.Length; i++)
            inputs[i] = inputKind switch
            {
                "tanh" => (float)Math.Tanh(random.NextGaussian()),
                "sigmoid" => (float)(1 / (1 + Math.Exp(-random.NextGaussian()))),
                // A third exact zeros, a third one repeated value, the rest spread.
                _ => (i % 3) switch { 0 => 0f, 1 => 0.375f, _ => (float)random.NextDouble(-1, 1) },
            };

        var (expected, factored) = Both(deltas, inputs, fanOut, fanIn, examples);

        Assert.Equal(expected.Moments.Count, factored.Moments.Count);
        Assert.Equal(0, factored.Moments.NonFinite);
        Assert.Equal(expected.Moments.Min, factored.Moments.Min);
        Assert.Equal(expected.Moments.Max, factored.Moments.Max);
        // Exact products against rounded ones: each product is off by at most 2⁻²⁴ relative, so the mean by at most
        // 2⁻²⁴·E|v| and E[v²] by 2⁻²³·E[v²]; the bounds below are those plus double rounding.
        double meanAbs = Math.Sqrt(expected.Moments.SecondMoment);
        Assert.InRange(Math.Abs(factored.Moments.Mean - expected.Moments.Mean), 0, 1e-7 * meanAbs + 1e-300);
        Assert.InRange(Math.Abs(factored.Moments.SecondMoment - expected.Moments.SecondMoment), 0, 2e-7 * expected.Moments.SecondMoment + 1e-300);
        Assert.Equal(expected.Histogram.Counts, factored.Histogram.Counts);
        Assert.Equal(0, factored.Histogram.Below + factored.Histogram.Above + factored.Histogram.NonFinite);
        foreach (double q in Quantiles)
            Assert.Equal(expected.Sketch.Quantile(q), factored.SketchQuantile(q, Alpha));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(11)]
    public void Rows_counted_in_ranges_of_examples_and_added_give_the_summary_of_adding_each_example(int perRange)
    {
        // NetworkProbe counts a layer's rows in ranges of examples on several threads (LayerWeightGradients): the
        // moments, counts and sketch percentiles must be the bits of adding each example in turn.
        const int fanOut = 90, fanIn = 130, examples = 11;
        var random = new RandomStream(9, 1);
        var deltas = new float[examples * fanOut];
        var inputs = new float[examples * fanIn];
        for (int i = 0; i < deltas.Length; i++) deltas[i] = (float)(1e-2 * random.NextGaussian());
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)Math.Tanh(random.NextGaussian());
        var (_, whole) = Both(deltas, inputs, fanOut, fanIn, examples);
        var split = new OuterProductSummary(whole.Histogram);
        for (int k = 0; k < examples; k++)
            split.AddUncounted(deltas.AsSpan(k * fanOut, fanOut), inputs.AsSpan(k * fanIn, fanIn));
        Assert.Equal(0, split.Histogram.Total);
        var ranges = new List<long[]>();
        for (int first = examples - 1 - (examples - 1) % perRange; first >= 0; first -= perRange) // last range first
        {
            var counts = new long[split.Histogram.BinCount];
            split.CountRows(first, Math.Min(perRange, examples - first), counts);
            ranges.Add(counts);
        }
        foreach (var counts in ranges) split.AddCounts(counts);
        Assert.Equal(whole.Histogram.Counts, split.Histogram.Counts);
        Assert.Equal((whole.Moments.Count, whole.Moments.Mean, whole.Moments.M2, whole.Moments.Min, whole.Moments.Max),
            (split.Moments.Count, split.Moments.Mean, split.Moments.M2, split.Moments.Min, split.Moments.Max));
        foreach (double q in Quantiles)
            Assert.Equal(whole.SketchQuantile(q, Alpha), split.SketchQuantile(q, Alpha));
    }

    [Fact]
    public void A_gradient_of_zeros_has_every_entry_in_the_bin_of_zero()
    {
        var deltas = new float[40];
        var inputs = Enumerable.Range(0, 30).Select(i => i / 30f - 0.5f).ToArray();
        var (expected, factored) = Both(deltas, inputs, 40, 30, 1);
        Assert.Equal(expected.Histogram.Counts, factored.Histogram.Counts);
        Assert.Equal(1200, factored.Histogram.Counts[50]);
        Assert.Equal((0.0, 0.0, 0.0), (factored.Moments.Mean, factored.Moments.Std, factored.Moments.Max));
        Assert.Equal(0, factored.SketchQuantile(0.99, Alpha));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    [InlineData(3e30f)]
    public void Non_finite_or_overflowing_products_are_refused_and_nothing_is_added(float bad)
    {
        var summary = new OuterProductSummary(new Histogram(-10, 10, 20));
        float[] deltas = [0.5f, bad, -1f], inputs = [1e10f, 2f];
        Assert.False(summary.TryAdd(deltas, inputs));
        Assert.False(summary.TryAdd(inputs, deltas));
        Assert.Equal(0, summary.Moments.Count + summary.Histogram.Total);
    }

    [Fact]
    public void Products_outside_the_histogram_are_refused()
    {
        var summary = new OuterProductSummary(new Histogram(-1, 1, 10));
        Assert.False(summary.TryAdd([2f], [0.75f]));
        Assert.True(summary.TryAdd([2f], [0.25f]));
        Assert.Equal(1, summary.Moments.Count);
    }

    [Fact]
    public void One_non_finite_input_refuses_only_its_own_example()
    {
        // NetworkProbe asks Accepts of every example first and forms all gradients when one is refused.
        var summary = new OuterProductSummary(new Histogram(-1, 1, 10));
        float[] inputs = [0.5f, float.NaN, 0.25f];
        Assert.True(summary.Accepts([0.5f, -0.5f], inputs.AsSpan(2, 1)));
        Assert.False(summary.Accepts([0.5f, -0.5f], inputs.AsSpan(0, 2)));
    }

    // Both ways over the same per-example gradients; the histogram range is the probe's (±1.000001·max|δ|·max|x|).
    private static (Oracle Expected, OuterProductSummary Factored) Both(float[] deltas, float[] inputs, int fanOut, int fanIn, int examples)
    {
        double bound = 0;
        for (int k = 0; k < examples; k++)
            bound = Math.Max(bound, MaxAbs(deltas.AsSpan(k * fanOut, fanOut)) * MaxAbs(inputs.AsSpan(k * fanIn, fanIn)));
        var layout = bound > 0 ? new Histogram(-bound * (1 + 1e-6), bound * (1 + 1e-6), 100) : new Histogram(-1, 1, 100);
        var expected = Oracle.Of(deltas, inputs, fanOut, fanIn, examples, layout);
        var factored = new OuterProductSummary(layout);
        for (int k = 0; k < examples; k++)
            Assert.True(factored.TryAdd(deltas.AsSpan(k * fanOut, fanOut), inputs.AsSpan(k * fanIn, fanIn)));
        return (expected, factored);
    }

    private static double MaxAbs(ReadOnlySpan<float> values) => Math.Abs((double)System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values));

    // The statistics as NetworkProbe computed them before the factored path: each gradient formed by the GEMM
    // (k = 1, α = 1, β = 0), every entry added to the moments, the sketch and the histogram.
    private sealed record Oracle(StreamingMoments Moments, LogHistogram Sketch, Histogram Histogram)
    {
        public static Oracle Of(float[] deltas, float[] inputs, int fanOut, int fanIn, int examples, Histogram layout)
        {
            var gradient = new float[fanOut * fanIn];
            var moments = new StreamingMoments();
            var sketch = new LogHistogram(Alpha);
            var histogram = new Histogram(layout.Low, layout.High, layout.BinCount);
            for (int k = 0; k < examples; k++)
            {
                Gemm.Multiply(true, false, fanOut, fanIn, 1, 1f, deltas.AsSpan(k * fanOut, fanOut), fanOut,
                    inputs.AsSpan(k * fanIn, fanIn), fanIn, 0f, gradient, fanIn);
                moments.Add(gradient);
                sketch.Add(gradient);
                histogram.Add(gradient);
            }
            return new Oracle(moments, sketch, histogram);
        }
    }
}
