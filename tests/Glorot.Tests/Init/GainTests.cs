using Glorot.Init;

namespace Glorot.Tests.Init;

public class GainTests
{
    [Theory]
    [InlineData("linear", 1.0)]
    [InlineData("conv2d", 1.0)]
    [InlineData("sigmoid", 1.0)]
    [InlineData("tanh", 5.0 / 3.0)]
    [InlineData("relu", 1.4142135623730951)]
    [InlineData("leaky-relu", 1.4141428569978354)] // √(2/(1 + 0.01²))
    [InlineData("leaky-relu:0.2", 1.3867504905630728)] // √(2/1.04)
    [InlineData("leaky_relu:0", 1.4142135623730951)]
    [InlineData("selu", 0.75)]
    [InlineData("TANH", 5.0 / 3.0)]
    public void Gains_match_the_classic_table(string name, double expected) =>
        Assert.Equal(expected, Gain.Of(name), 12);

    [Fact]
    public void Softsign_gain_is_one_over_root_mean_square_of_softsign_of_a_standard_normal()
    {
        // E[softsign(z)²] by Simpson's rule on [−12, 12] with 20,000 intervals (error far below 1e-9).
        const int n = 20_000;
        double h = 24.0 / n, sum = 0;
        for (var i = 0; i <= n; i++)
        {
            double z = -12 + i * h, s = z / (1 + Math.Abs(z));
            double weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * s * s * Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        }
        double expectation = sum * h / 3;
        Assert.Equal(1 / Math.Sqrt(expectation), Gain.Of("softsign"), 6);
    }

    [Theory]
    [InlineData("swish")]
    [InlineData("tanh:2")]
    [InlineData("leaky-relu:abc")]
    public void Unknown_or_malformed_nonlinearities_are_rejected(string name) =>
        Assert.Throws<ArgumentException>(() => Gain.Of(name));
}
