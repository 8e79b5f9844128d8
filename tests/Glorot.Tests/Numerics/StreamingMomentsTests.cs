using CsCheck;
using Glorot.Numerics;

namespace Glorot.Tests.Numerics;

public class StreamingMomentsTests
{
    private static readonly Gen<float[]> Values = Gen.Float[-1e3f, 1e3f].Array[0, 60];

    private static (double Mean, double M2) TwoPass(float[] values)
    {
        double mean = values.Select(v => (double)v).Average(), m2 = values.Sum(v => (v - mean) * (v - mean));
        return (mean, m2);
    }

    [Fact]
    public void Span_add_and_one_by_one_add_match_the_two_pass_definition()
    {
        Values.Where(v => v.Length > 0).Sample(values =>
        {
            var (mean, m2) = TwoPass(values);
            var block = StreamingMoments.Of(values);
            var single = new StreamingMoments();
            foreach (float v in values) single.Add(v);
            foreach (var m in new[] { block, single })
            {
                Assert.Equal(values.Length, m.Count);
                // Rounding: a few ulps of the sums involved (values ≤ 1e3, n ≤ 60).
                Assert.True(Math.Abs(m.Mean - mean) <= 1e-12 * 1e3, $"mean {m.Mean} vs {mean}");
                Assert.True(Math.Abs(m.M2 - m2) <= 1e-10 * (m2 + 1e3), $"M2 {m.M2} vs {m2}");
                Assert.Equal(values.Min(), m.Min);
                Assert.Equal(values.Max(), m.Max);
            }
        });
    }

    [Fact]
    public void Merge_is_commutative_and_associative_and_equals_the_concatenation()
    {
        Gen.Select(Values, Values, Values).Sample((a, b, c) =>
        {
            var ab_c = StreamingMoments.Of(a); ab_c.Merge(StreamingMoments.Of(b)); ab_c.Merge(StreamingMoments.Of(c));
            var bc = StreamingMoments.Of(b); bc.Merge(StreamingMoments.Of(c));
            var a_bc = StreamingMoments.Of(a); a_bc.Merge(bc);
            var c_ba = StreamingMoments.Of(c); c_ba.Merge(StreamingMoments.Of(b)); c_ba.Merge(StreamingMoments.Of(a));
            var all = StreamingMoments.Of([.. a, .. b, .. c]);
            foreach (var m in new[] { ab_c, a_bc, c_ba })
            {
                Assert.Equal(all.Count, m.Count);
                Assert.True(Math.Abs(m.Mean - all.Mean) <= 1e-9, $"mean {m.Mean} vs {all.Mean}");
                Assert.True(Math.Abs(m.M2 - all.M2) <= 1e-9 * (all.M2 + 1), $"M2 {m.M2} vs {all.M2}");
                Assert.Equal(all.Min, m.Min);
                Assert.Equal(all.Max, m.Max);
            }
        });
    }

    [Fact]
    public void Large_offset_keeps_the_variance_accurate_where_the_naive_formula_fails()
    {
        // Sigmoid-like: mean 1e4, std 1e-2 (κ² ≈ 1e12): Σx² − (Σx)²/n would lose every digit in double; Welford/Chan keep them.
        var values = new float[10_000];
        for (int i = 0; i < values.Length; i++) values[i] = 10_000f + (i % 2 == 0 ? 0.0078125f : -0.0078125f);
        var m = StreamingMoments.Of(values);
        Assert.Equal(0.0078125 * 0.0078125, m.Variance, 1e-12);
        var halves = StreamingMoments.Of(values.AsSpan(0, 5000));
        halves.Merge(StreamingMoments.Of(values.AsSpan(5000)));
        Assert.Equal(0.0078125 * 0.0078125, halves.Variance, 1e-12);
    }

    [Fact]
    public void Non_finite_values_are_counted_apart_and_empty_is_nan()
    {
        var m = StreamingMoments.Of([1f, float.NaN, 3f, float.PositiveInfinity]);
        Assert.Equal(2, m.Count);
        Assert.Equal(2, m.NonFinite);
        Assert.Equal(2, m.Mean);
        Assert.Equal(1, m.Variance);
        Assert.Equal(5, m.SecondMoment);
        Assert.True(double.IsNaN(new StreamingMoments().Variance));
        Assert.True(double.IsNaN(StreamingMoments.Of([1f]).SampleVariance));
    }
}
