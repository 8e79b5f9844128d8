using Glorot.Init;

namespace Glorot.Tests.Init;

public class NumericGainTests
{
    [Fact]
    public void Relu_gain_is_root_two_forward_and_backward()
    {
        // E[relu(z)²] = E[1{z>0}] = ½ exactly.
        Assert.Equal(Math.Sqrt(2), NumericGain.Of("relu", GainMode.Forward).Gain, 13);
        Assert.Equal(Math.Sqrt(2), NumericGain.Of("relu", GainMode.Backward).Gain, 13);
    }

    [Fact]
    public void Linear_gain_is_one_forward_and_backward() 
    {
        Assert.Equal(1, NumericGain.Of("linear", GainMode.Forward).Gain, 14);
        Assert.Equal(1, NumericGain.Of("linear", GainMode.Backward).Gain, 14);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(1.0)]
    public void Leaky_relu_gain_equals_the_classic_table(double slope)
    {
        // E[leaky(z)²] = (1 + a²)/2 ⇒ g = √(2/(1 + a²)), He et al. 2015 eq. 15: the two conventions agree.
        var name = FormattableString.Invariant($"leaky-relu:{slope}");
        Assert.Equal(Gain.Of(name), NumericGain.Of(name).Gain, 13);
        Assert.Equal(Gain.Of(name), NumericGain.Of(name, GainMode.Backward).Gain, 13);
    }

    // 1/√E[φ(z)²] and 1/√E[φ′(z)²], z ~ N(0, 1), computed independently with mpmath (30 digits, quad split at 0):
    //   mp.quad(lambda z: f(z)**2 * exp(-z*z/2)/sqrt(2*pi), [-inf, 0, inf]).
    public static TheoryData<string, double, double> Reference => new()
    {
        { "tanh", 1.5925374197228314278, 1.4674135916307951496 },
        { "sigmoid", 1.846228545338605413, 4.7226460859379743309 },
        { "softsign", 2.3375333631085396599, 2.0957806089433109963 },
        { "gelu", 1.5335304411955352338, 1.4811144127083481966 },
        { "silu", 1.6765324703310911586, 1.623320257952497317 },
        { "softplus", 1.041866835535301708, 1.846228545338605413 },
        { "elu", 1.2451983007007065503, 1.2234285575526208808 },
        { "selu", 1.0, 0.96602577697390117059 },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void Gains_match_an_independent_high_precision_quadrature(string activation, double forward, double backward)
    {
        // Relative 1e-12: Gauss–Hermite at 200 points is limited by tanh's complex poles (measured ≤ 5e-15 for
        // E[sech⁴]); the split Gauss–Legendre rule for the kinked ones is at 1e-15.
        Assert.True(Math.Abs(NumericGain.Of(activation, GainMode.Forward).Gain / forward - 1) < 1e-12, $"{activation} forward: {NumericGain.Of(activation).Gain}");
        Assert.True(Math.Abs(NumericGain.Of(activation, GainMode.Backward).Gain / backward - 1) < 1e-12, $"{activation} backward: {NumericGain.Of(activation, GainMode.Backward).Gain}");
    }

    [Fact]
    public void Tanh_gain_by_expectation_is_not_the_classic_five_thirds()
    {
        // PyTorch's 5/3 is an empirical choice (it makes tanh's output variance roughly match at moderate depth);
        // the variance-preserving gain is 1.5925, 4.4 % lower. Both are available: Gain.Of("tanh") keeps 5/3.
        double numeric = NumericGain.Of("tanh").Gain;
        Assert.Equal(5.0 / 3.0, Gain.Of("tanh"));
        Assert.InRange(5.0 / 3.0 / numeric - 1, 0.04, 0.05);
    }

    [Fact]
    public void Classic_softsign_constant_is_the_numeric_forward_gain() =>
        Assert.Equal(Gain.Softsign, NumericGain.Of("softsign").Gain, 12);

    [Fact]
    public void Selu_keeps_mean_zero_and_variance_one_so_its_forward_gain_is_one()
    {
        // Klambauer et al. 2017 chose α, λ so that (0, 1) is a fixed point; PyTorch's 3/4 is a different trade-off.
        var result = NumericGain.Of("selu");
        Assert.Equal(1, result.Gain, 9);
        Assert.Equal(0, result.Mean, 9);
    }

    [Fact]
    public void Gelu_mean_and_mean_slope_have_closed_forms()
    {
        // E[zΦ(z)] = E[φ(z)] = 1/(2√π) (Stein); E[Φ(z) + zφ(z)] = ½ + 0.
        Assert.Equal(1 / (2 * Math.Sqrt(Math.PI)), NumericGain.Of("gelu").Mean, 13);
        Assert.Equal(0.5, NumericGain.Of("gelu", GainMode.Backward).Mean, 13);
    }

    [Fact]
    public void User_functions_get_a_gain_and_kinks_can_be_split()
    {
        Assert.Equal(0.5, NumericGain.Forward(z => 2 * z), 13);
        Assert.Equal(1 / Math.Sqrt(2), NumericGain.Backward(z => z > 0 ? 2 : 0, kinkAtZero: true), 13);
        // |z|: E[z²] = 1 either way; E[|z|] = √(2/π) needs the split to be exact.
        Assert.Equal(Math.Sqrt(2 / Math.PI), NumericGain.Expectation(Math.Abs, splitAtZero: true), 14);
    }

    [Fact]
    public void Smooth_activations_agree_between_gauss_hermite_and_the_split_rule()
    {
        // Two independent quadratures of the same integral: a check on both.
        foreach (var name in new[] { "tanh", "gelu", "silu", "softplus", "sigmoid" })
        {
            var f = ActivationFunctions.Find(name).Forward;
            double hermite = NumericGain.Expectation(z => f(z) * f(z)), split = NumericGain.Expectation(z => f(z) * f(z), splitAtZero: true);
            Assert.True(Math.Abs(hermite / split - 1) < 1e-12, $"{name}: {hermite} vs {split}");
        }
    }

    [Fact]
    public void A_function_with_no_mean_square_has_no_gain()
    {
        var ex = Assert.Throws<ArgumentException>(() => NumericGain.Forward(_ => 0));
        Assert.Contains("positive mean square", ex.Message);
    }
}
