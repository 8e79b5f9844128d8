using CsCheck;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Tests.Probes;

public class LogHistogramTests
{
    [Theory]
    [InlineData(0.01)]
    [InlineData(0.05)]
    public void Every_quantile_is_within_relative_error_alpha_of_the_exact_one(double alpha)
    {
        // Values spanning ten decades, both signs, plus exact zeros: the guarantee must hold for every q.
        var random = new RandomStream(5, 1);
        var values = new float[20_000];
        for (int i = 0; i < values.Length; i++)
            values[i] = i % 50 == 0 ? 0f : (float)((random.NextDouble() < 0.4 ? -1 : 1) * Math.Pow(10, random.NextDouble(-8, 2)));
        var sketch = new LogHistogram(alpha);
        sketch.Add(values);
        var sorted = values.Order().ToArray();
        for (int i = 0; i <= 200; i++)
        {
            double q = i / 200.0;
            double exact = sorted[(long)Math.Floor(q * (sorted.Length - 1))];
            double estimate = sketch.Quantile(q);
            // α, plus 1e-6 for the float logarithm of the span path at bucket edges (documented on Add).
            Assert.True(Math.Abs(estimate - exact) <= (alpha + 1e-6) * Math.Abs(exact),
                $"q = {q}: sketch {estimate}, exact {exact}");
        }
    }

    [Fact]
    public void Adding_a_span_puts_values_in_the_same_buckets_as_adding_them_one_by_one_away_from_edges()
    {
        var random = new RandomStream(6, 3);
        var values = new float[10_000];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextGaussian() * Math.Pow(10, random.NextDouble(-5, 3)));
        var span = new LogHistogram(0.01);
        span.Add(values);
        var single = new LogHistogram(0.01);
        foreach (float v in values) single.Add(v);
        Assert.Equal(single.Count, span.Count);
        // Keys can differ only for values within float rounding of an edge: count the disagreements.
        var a = single.Buckets(false).ToDictionary(b => b.Key, b => b.Count);
        long moved = span.Buckets(false).Sum(b => Math.Abs(b.Count - a.GetValueOrDefault(b.Key)));
        Assert.True(moved <= 4, $"{moved} values changed bucket");
    }

    [Fact]
    public void Merging_is_exact_commutative_and_associative()
    {
        var values = Gen.Float[-1e3f, 1e3f].Array[0, 100];
        Gen.Select(values, values, values).Sample((a, b, c) =>
        {
            var whole = new LogHistogram(0.02);
            whole.Add([.. a, .. b, .. c]);
            LogHistogram Of(float[] v) { var s = new LogHistogram(0.02); s.Add(v); return s; }
            var left = Of(a); left.Merge(Of(b)); left.Merge(Of(c));
            var right = Of(c); var ba = Of(b); ba.Merge(Of(a)); right.Merge(ba);
            foreach (var s in new[] { left, right })
            {
                Assert.Equal(whole.Count, s.Count);
                Assert.Equal(whole.ZeroCount, s.ZeroCount);
                Assert.Equal(whole.Buckets(false), s.Buckets(false));
                Assert.Equal(whole.Buckets(true), s.Buckets(true));
            }
        });
    }

    [Fact]
    public void Memory_is_bounded_by_the_range_of_magnitudes_not_the_count()
    {
        // One decade at α = 1 %: ln 10 / ln γ ≈ 115 keys per sign, whatever the number of values.
        var sketch = new LogHistogram(0.01);
        var random = new RandomStream(9, 2);
        for (int i = 0; i < 200_000; i++) sketch.Add(random.NextDouble(1, 10) * (i % 2 == 0 ? 1 : -1));
        int perSign = (int)Math.Ceiling(Math.Log(10) / Math.Log(sketch.Gamma)) + 1;
        Assert.True(sketch.Buckets(false).Count() <= perSign && sketch.Buckets(true).Count() <= perSign);
        // The documented bound: 1.5·K + 9 per sign, plus the zero bucket.
        Assert.True(sketch.BucketCount <= 2 * (1.5 * perSign + 9) + 1, $"{sketch.BucketCount} buckets");
    }

    [Fact]
    public void Tiny_and_non_finite_values_go_to_their_own_counts()
    {
        var sketch = new LogHistogram(0.01, minMagnitude: 1e-6);
        sketch.Add([1e-7f, -1e-8f, 0f, float.NaN, 2f]);
        Assert.Equal(3, sketch.ZeroCount);
        Assert.Equal(1, sketch.NonFinite);
        Assert.Equal(4, sketch.Count);
        Assert.Equal(0, sketch.Quantile(0.5));
        Assert.True(Math.Abs(sketch.Quantile(1) - 2) <= 0.02);
        Assert.True(double.IsNaN(new LogHistogram().Quantile(0.5)));
        Assert.Throws<ArgumentException>(() => sketch.Merge(new LogHistogram(0.02, 1e-6)));
    }
}
