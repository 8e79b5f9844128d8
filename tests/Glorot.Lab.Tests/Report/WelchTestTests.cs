using Glorot.Lab.Report;

namespace Glorot.Lab.Tests.Report;

public sealed class WelchTestTests
{
    [Fact]
    public void Matches_an_independent_computation_of_the_textbook_example()
    {
        // Wikipedia "Welch's t-test", example 1 (t ≈ −2.46, ν ≈ 25.0, p ≈ 0.021); the digits below come from a plain
        // Python re-computation (p by Simpson integration of the t density, 200,000 panels).
        double[] a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
        var r = WelchTest.Compare(a, b)!;
        Assert.Equal(-2.45535639828601, r.T, 10);
        Assert.Equal(24.98852929023142, r.DegreesOfFreedom, 9);
        Assert.Equal(0.02137800146286588, r.P, 7);
        Assert.True(r.Significant);
    }

    [Fact]
    public void Under_the_null_hypothesis_it_rejects_about_alpha_of_the_time()
    {
        // 4,000 pairs of 5 normal draws each with the same mean (unequal variances, Welch's case): the rejection rate
        // is binomial(4000, 0.05) with standard deviation √(0.05·0.95/4000) ≈ 0.0034; allow 4 of them.
        var rng = new System.Random(12345);
        double Normal(double sd) => sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        int rejected = 0, trials = 4000;
        for (int i = 0; i < trials; i++)
        {
            double[] a = [.. Enumerable.Range(0, 5).Select(_ => Normal(1))];
            double[] b = [.. Enumerable.Range(0, 5).Select(_ => Normal(3))];
            if (WelchTest.Compare(a, b)!.Significant) rejected++;
        }
        // Welch's test is slightly conservative at n = 5; the band still must hold.
        Assert.InRange(rejected / (double)trials, 0.05 - 4 * 0.0034, 0.05 + 4 * 0.0034);
    }

    [Fact]
    public void A_real_difference_is_found()
    {
        var r = WelchTest.Compare([27.1, 26.8, 27.6, 27.3], [15.9, 15.2, 16.1, 15.5])!;
        Assert.True(r.Significant);
        Assert.True(r.P < 1e-5);
    }

    [Fact]
    public void Too_few_values_or_no_spread_give_no_test()
    {
        Assert.Null(WelchTest.Compare([1.0], [2.0, 3.0]));
        Assert.Null(WelchTest.Compare([1.0, 1.0], [2.0, 2.0]));
    }
}
