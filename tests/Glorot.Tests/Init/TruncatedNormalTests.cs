using Glorot.Init;

namespace Glorot.Tests.Init;

public class TruncatedNormalTests
{
    // Reference values: mpmath at 40 digits of μ + σ(φ(α) − φ(β))/Z and σ√(1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²).
    [Theory]
    [InlineData(0, 1, 10, 11, 10.098068374933019, 0.097060660941169247)]
    [InlineData(0, 1, -11, -10, -10.098068374933019, 0.097060660941168617)]
    [InlineData(0, 1, 6, 40, 6.1584826045445989, 0.15487942661685822)]
    [InlineData(3, 2, 23, 25, 23.196136749866038, 0.19412132188233849)]
    [InlineData(0, 1, -2, 2, 0, 0.87962566103423975)]
    public void Moments_hold_for_intervals_far_in_either_tail(double mean, double std, double a, double b, double expectedMean, double expectedStd)
    {
        var (m, s) = TruncatedNormal.Moments(mean, std, a, b);
        // Relative 1e-9: the variance formula cancels about two digits at α = 10 (1 + 101 − 102 ≈ 0.0094).
        Assert.True(Math.Abs(m - expectedMean) <= 1e-9 * Math.Max(1, Math.Abs(expectedMean)), $"mean {m}");
        Assert.True(Math.Abs(s / expectedStd - 1) < 1e-9, $"std {s}");
    }

    [Fact]
    public void Cdf_of_an_upper_tail_interval_is_exact()
    {
        // mpmath: (Φ(10.1) − Φ(10))/(Φ(11) − Φ(10)) = 0.63752743613072272; by symmetry 0.36247256386927728 below.
        Assert.Equal(0.63752743613072272, new TruncatedNormal(0, 1, 10, 11).Cdf([4])!(10.1), 9);
        Assert.Equal(0.36247256386927728, new TruncatedNormal(0, 1, -11, -10).Cdf([4])!(-10.1), 9);
    }

    [Fact]
    public void Describe_of_an_upper_tail_interval_reports_finite_moments_and_a_self_test_passes()
    {
        var scheme = new TruncatedNormal(0, 1, 10, 11);
        var stats = scheme.Describe([20_000]);
        Assert.Equal(10.098068374933019, stats.Mean, 9);
        var values = new float[20_000];
        scheme.Fill(values, [20_000], seed: 4);
        Assert.True(SelfTest.Check(scheme, [20_000], values).Passed);
    }

    [Fact]
    public void An_interval_without_mass_in_double_precision_is_an_error_before_drawing()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TruncatedNormal(0, 1, 40, 41).Describe([3]));
        Assert.Contains("no probability mass", ex.Message);
    }
}
