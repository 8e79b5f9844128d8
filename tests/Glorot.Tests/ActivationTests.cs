namespace Glorot.Tests;

public class ActivationTests
{
    public static TheoryData<string> All() => new()
    {
        "identity", "sigmoid", "tanh", "softsign", "relu", "leaky-relu:0.1", "elu:0.7", "selu", "gelu", "softplus",
    };

    [Theory]
    [MemberData(nameof(All))]
    public void Name_round_trips_through_Parse(string name)
    {
        var f = Activation.Parse(name);
        Assert.Equal(name, f.ToString());
        Assert.Equal(f, Activation.Parse(f.ToString()));
    }

    [Fact]
    public void Parse_gives_defaults_and_rejects_bad_text_with_the_accepted_names()
    {
        Assert.Equal(Activation.LeakyRelu(0.01), Activation.Parse("Leaky_ReLU"));
        Assert.Equal(Activation.Elu(1.0), Activation.Parse("elu"));
        Assert.Equal(0.25, Activation.Parse("leaky-relu:0.25").Parameter);
        var ex = Assert.Throws<FormatException>(() => Activation.Parse("swish"));
        Assert.Contains("tanh", ex.Message);
        Assert.Throws<FormatException>(() => Activation.Parse("tanh:2"));
        Assert.Throws<FormatException>(() => Activation.Parse("elu:-1"));
        Assert.Throws<FormatException>(() => Activation.Parse("elu:abc"));
        Assert.Throws<FormatException>(() => Activation.Parse("leaky-relu:nan"));
        Assert.False(Activation.TryParse(null, out _));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Derivative_matches_central_difference_of_Forward(string name)
    {
        var f = Activation.Parse(name);
        // Central difference error is O(h²·f‴) ≈ 1e-10 here, rounding O(ε/h) ≈ 1e-11: 1e-7 leaves a wide margin.
        const double h = 1e-5;
        for (double x = -6; x <= 6; x += 0.0731)
        {
            if (Math.Abs(x) < 2 * h) continue; // kinks of the ReLU family
            double fd = (f.Forward(x + h) - f.Forward(x - h)) / (2 * h);
            Assert.True(Math.Abs(fd - f.Derivative(x)) < 1e-7, $"{name}: f'({x}) = {f.Derivative(x)}, difference quotient {fd}");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void DerivativeFromOutput_equals_Derivative(string name)
    {
        var f = Activation.Parse(name);
        for (double x = -8; x <= 8; x += 0.173)
            Assert.Equal(f.Derivative(x), f.DerivativeFromOutput(x, f.Forward(x)), 12);
    }

    [Fact]
    public void Forward_matches_the_definitions_at_known_points()
    {
        Assert.Equal(1 / (1 + Math.E), Activation.Sigmoid.Forward(-1), 15);
        Assert.Equal(0.5, Activation.Softsign.Forward(1), 15);
        Assert.Equal(Math.Log(2), Activation.Softplus.Forward(0), 15);
        Assert.Equal(1000, Activation.Softplus.Forward(1000), 12);          // no overflow
        Assert.Equal(0, Activation.Sigmoid.Forward(-1000), 15);
        Assert.Equal(-0.25 * 3, Activation.LeakyRelu(0.25).Forward(-3), 15);
        Assert.Equal(0.7 * (Math.Exp(-2) - 1), Activation.Elu(0.7).Forward(-2), 15);
        Assert.Equal(-Activation.SeluLambda * Activation.SeluAlpha, Activation.Selu.Forward(-1000), 12);
        // GELU(1) = Φ(1) = 0.841344746068542948… (normal CDF tables).
        Assert.Equal(0.841344746068542948, Activation.Gelu.Forward(1), 14);
        Assert.Equal(0.0, Activation.Relu.Derivative(0));
        Assert.Equal(0.25, Activation.LeakyRelu(0.25).Derivative(0));
    }
}
