using Glorot.Init;

namespace Glorot.Tests.Init;

public class MiscalibratedTests
{
    [Fact]
    public void It_claims_the_inner_description_but_draws_wider_values()
    {
        var inner = new RandomNormal(1, 0.5);
        var liar = new Miscalibrated(inner, 2);
        Assert.Equal(inner.Describe([1000]), liar.Describe([1000]));
        var honest = new float[1000];
        var wide = new float[1000];
        inner.Fill(honest, [1000], 3);
        liar.Fill(wide, [1000], 3);
        // Same draw, stretched about the mean: w = 1 + 2(h − 1).
        for (var i = 0; i < honest.Length; i++) Assert.Equal(1 + 2 * (honest[i] - 1), wide[i], 5);
    }

    [Fact]
    public void A_factor_of_one_is_honest() =>
        Assert.True(SelfTest.Run(new Miscalibrated(new RandomUniform(-1, 1), 1), [300, 500], 4).Passed);

    [Fact]
    public void Factors_that_are_not_positive_are_refused() =>
        Assert.Throws<ArgumentException>(() => new Miscalibrated(new RandomNormal(), 0).Describe([10]));
}
