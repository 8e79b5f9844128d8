namespace Glorot.Tests;

public sealed class TensorTests
{
    [Fact]
    public void Statistics_follow_their_definitions()
    {
        var t = new Tensor([2, 3], [1f, 2f, 3f, 4f, 5f, -9f]);
        double mean = 6.0 / 6;
        double variance = new[] { 1.0, 2, 3, 4, 5, -9 }.Sum(x => (x - mean) * (x - mean)) / 6; // divisor n, as numpy
        Assert.Equal(mean, t.Mean(), 15);
        Assert.Equal(Math.Sqrt(variance), t.Std(), 14);
        Assert.Equal(-9f, t.Min());
        Assert.Equal(5f, t.Max());
    }

    [Fact]
    public void The_std_of_a_fresh_draw_is_the_one_its_scheme_describes()
    {
        // 256·784 = 200,704 values: the sample std's relative standard error is ≈ 1/√(2n) = 0.16 %; 1 % is six of them.
        var w = Initializers.XavierUniform().Create([256, 784], seed: 1);
        double std = Math.Sqrt(2.0 / (256 + 784));
        Assert.InRange(w.Std(), std * 0.99, std * 1.01);
        Assert.InRange(w.Mean(), -5 * std / Math.Sqrt(w.Length), 5 * std / Math.Sqrt(w.Length));
        double bound = Math.Sqrt(6.0 / (256 + 784));
        Assert.InRange(w.Min(), -bound, -bound * 0.99);
        Assert.InRange(w.Max(), bound * 0.99, bound);
    }

    [Fact]
    public void A_non_finite_value_makes_the_statistics_nan_instead_of_being_skipped()
    {
        var t = new Tensor([3], [1f, float.NaN, 2f]);
        Assert.True(double.IsNaN(t.Mean()));
        Assert.True(double.IsNaN(t.Std()));
        Assert.True(float.IsNaN(t.Min()));
        Assert.True(float.IsNaN(t.Max()));
        Assert.True(double.IsNaN(new Tensor([2], [1f, float.PositiveInfinity]).Mean()));
    }
}
