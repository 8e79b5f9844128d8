using Glorot.Init;

namespace Glorot.Tests.Init;

public class TruncatedNormalsTests
{
    private static readonly int[] Shape = [300, 500];

    [Fact]
    public void Standard_normal_truncated_at_two_has_std_0_8796()
    {
        // √(1 − 4φ(2)/(Φ(2) − Φ(−2))), since N(0, 1) truncated to [a, b] has variance
        // 1 + (aφ(a) − bφ(b))/(Φ(b) − Φ(a)).
        double phi2 = Math.Exp(-2) / Math.Sqrt(2 * Math.PI), mass = 1 - 2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -2);
        Assert.Equal(Math.Sqrt(1 - 4 * phi2 / mass), TruncatedNormals.StdOfStandardTruncated(-2, 2), 14);
        Assert.Equal(VarianceScaling.TruncatedStdAtTwoSigma, TruncatedNormals.StdOfStandardTruncated(-2, 2), 14);
    }

    [Fact]
    public void Pytorch_meaning_keeps_absolute_bounds_whatever_the_std()
    {
        // trunc_normal_(std=0.02) with the default a = −2, b = 2 truncates at ±100σ, i.e. not at all.
        var stats = TruncatedNormals.PyTorch(0, 0.02).Describe(Shape);
        Assert.Equal((-2.0, 2.0), (stats.Low!.Value, stats.High!.Value));
        Assert.Equal(0.02, stats.Std, 12);
    }

    [Fact]
    public void Keras_meaning_cuts_at_two_std_and_does_not_correct()
    {
        var stats = TruncatedNormals.Keras(1, 0.05).Describe(Shape);
        Assert.Equal(0.9, stats.Low!.Value, 14);
        Assert.Equal(1.1, stats.High!.Value, 14);
        Assert.Equal(0.05 * 0.87962566103423978, stats.Std, 12);
    }

    [Fact]
    public void Jax_meaning_reads_bounds_in_std_units_and_does_not_correct()
    {
        var stats = TruncatedNormals.Jax(0.01, -3, 1).Describe(Shape);
        Assert.Equal(-0.03, stats.Low!.Value, 14);
        Assert.Equal(0.01, stats.High!.Value, 14);
        Assert.Equal(0.01 * TruncatedNormal.Moments(0, 1, -3, 1).Std, stats.Std, 14);
    }

    [Theory]
    [InlineData(-2, 2)]
    [InlineData(-1, 3)]
    [InlineData(-0.5, 0.5)]
    public void Corrected_meaning_gives_the_requested_std_for_any_bounds(double lower, double upper)
    {
        var stats = TruncatedNormals.Corrected(0, 0.7, lower, upper).Describe(Shape);
        Assert.Equal(0.7, stats.Std, 12);
    }

    [Fact]
    public void Corrected_at_two_sigma_is_the_variance_scaling_truncated_normal()
    {
        var corrected = TruncatedNormals.Corrected(0, 0.05).Describe(Shape);
        var scaling = new VarianceScaling(0.05 * 0.05 * 500, FanMode.FanIn, Distribution.TruncatedNormal).Describe(Shape);
        Assert.Equal(scaling.Std, corrected.Std, 12);
        Assert.Equal(scaling.High!.Value, corrected.High!.Value, 12);
    }

    public static TheoryData<string> Names => new() { "truncated-normal", "keras-truncated-normal", "jax-truncated-normal", "truncated-normal-corrected" };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_meaning_draws_what_it_describes(string name)
    {
        var report = SelfTest.Run(Schemes.Create(name, new InitOptions { Std = 0.3 }), Shape, 21);
        Assert.True(report.Passed, string.Join("; ", report.Checks.Select(c => $"{c.Name} {c.Statistic} > {c.Threshold}")));
    }

    [Fact]
    public void The_meanings_are_told_apart_by_the_self_test()
    {
        // Draw Keras' (uncorrected) values and test them against the corrected meaning with the same std.
        var values = new float[150_000];
        Schemes.Create("keras-truncated-normal", new InitOptions { Std = 0.3 }).Fill(values, Shape, 22);
        Assert.False(SelfTest.Check(Schemes.Create("truncated-normal-corrected", new InitOptions { Std = 0.3 }), Shape, values).Passed);
    }

    [Theory]
    [InlineData("pytorch-truncated-normal", "truncated-normal")]
    [InlineData("tf-truncated-normal", "keras-truncated-normal")]
    public void Aliases_name_one_meaning(string alias, string canonical) => Assert.Equal(canonical, Schemes.Find(alias).Name);
}
