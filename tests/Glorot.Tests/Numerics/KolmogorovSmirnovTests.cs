using Glorot.Numerics;
using Glorot.Random;

namespace Glorot.Tests.Numerics;

public class KolmogorovSmirnovTests
{
    private static double Uniform(double x) => Math.Clamp(x, 0, 1);

    [Fact]
    public void Statistic_of_small_samples_matches_the_hand_computed_supremum()
    {
        // {0.5}: F_n jumps from 0 to 1 at 0.5 where F = 0.5 ⇒ D = 0.5.
        Assert.Equal(0.5, KolmogorovSmirnov.Statistic([0.5f], Uniform), 7);
        // {0.1, 0.4, 0.7}: gaps i/n − F(x₍ᵢ₎) = 0.233, 0.267, 0.3 and F − (i−1)/n = 0.1, 0.067, 0.033 ⇒ D = 0.3.
        Assert.Equal(0.3, KolmogorovSmirnov.Statistic([0.7f, 0.1f, 0.4f], Uniform), 6);
    }

    [Fact]
    public void Statistic_equals_the_supremum_of_the_definition_evaluated_by_brute_force()
    {
        // sup_x |F_n(x) − F(x)| over x at every sample point from both sides and on a fine grid between them.
        var sample = new float[300];
        RandomFill.Uniform(sample, 0f, 1f, 99);
        for (var i = 0; i < 30; i++) sample[i] *= 0.5f; // not uniform, so D is large enough to matter
        double brute = 0;
        var points = sample.Select(v => (double)v).Concat(Enumerable.Range(0, 2001).Select(k => k / 2000.0));
        foreach (var x in points)
        {
            double below = sample.Count(v => v < x) / 300.0, atOrBelow = sample.Count(v => v <= x) / 300.0;
            brute = Math.Max(brute, Math.Max(Math.Abs(atOrBelow - Uniform(x)), Math.Abs(below - Uniform(x))));
        }
        Assert.Equal(brute, KolmogorovSmirnov.Statistic(sample, Uniform), 12);
    }

    [Theory]
    // K(x) from mpmath (30 digits, the small-x theta form): both of the library's series, either side of x = 1.
    [InlineData(0.2, 5.0504073386701e-13)]
    [InlineData(0.3, 9.30580133456663e-6)]
    [InlineData(0.4, 0.00280767322270174)]
    public void Limit_cdf_is_accurate_in_the_lower_tail(double x, double expected) =>
        Assert.True(Math.Abs(KolmogorovSmirnov.LimitCdf(x) / expected - 1) < 1e-10, $"K({x}) = {KolmogorovSmirnov.LimitCdf(x)}");

    [Fact]
    public void The_two_series_agree_where_they_meet()
    {
        Assert.Equal(KolmogorovSmirnov.LimitCdf(1 - 1e-12), KolmogorovSmirnov.LimitCdf(1), 10);
        Assert.Equal(0.7300003283, KolmogorovSmirnov.LimitCdf(1), 9); // K(1), Kolmogorov's table
    }

    [Theory]
    [InlineData(0.05, 1.3581)]
    [InlineData(0.01, 1.6276)]
    [InlineData(0.001, 1.9495)]
    public void Limit_quantiles_match_the_kolmogorov_table(double alpha, double expected) =>
        Assert.Equal(expected, KolmogorovSmirnov.LimitQuantile(alpha), 4);

    [Theory]
    // Exact critical values of D (Miller 1956, two-sided; recomputed with Marsaglia, Tsang & Wang 2003 in mpmath).
    [InlineData(10, 0.05, 0.40925)]
    [InlineData(20, 0.05, 0.29408)]
    [InlineData(10, 0.01, 0.48893)]
    [InlineData(50, 0.01, 0.22604)]
    public void Critical_values_are_within_one_percent_of_the_exact_tables(int n, double alpha, double exact) =>
        Assert.InRange(KolmogorovSmirnov.Critical(n, alpha) / exact, 0.99, 1.01);

    [Fact]
    public void A_correct_sampler_exceeds_the_five_percent_critical_value_five_percent_of_the_time()
    {
        // 400 samples of 100 uniforms: rejections ~ Binomial(400, 0.05), mean 20, sd 4.4; accept 20 ± 4 sd.
        int rejections = 0;
        var sample = new float[100];
        for (ulong s = 0; s < 400; s++)
        {
            RandomFill.Uniform(sample, 0f, 1f, 7, s);
            if (KolmogorovSmirnov.Statistic(sample, Uniform) > KolmogorovSmirnov.Critical(100, 0.05)) rejections++;
        }
        Assert.InRange(rejections, 3, 37);
    }

    [Fact]
    public void P_value_is_alpha_at_the_critical_value()
    {
        Assert.Equal(0.001, KolmogorovSmirnov.PValue(KolmogorovSmirnov.Critical(1000, 0.001), 1000), 9);
        Assert.Equal(1, KolmogorovSmirnov.PValue(0, 1000));
    }

    [Fact]
    public void Empty_samples_and_nan_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Statistic([], Uniform));
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Statistic([0.5f, float.NaN], Uniform));
    }
}
