using Glorot.Init;

namespace Glorot.Tests.Init;

public class ActivationFunctionsTests
{
    public static TheoryData<string> Names => new()
    {
        "linear", "sigmoid", "tanh", "softsign", "relu", "leaky-relu:0.2", "elu:0.5", "selu", "gelu", "silu", "softplus",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Derivative_matches_central_differences_away_from_kinks(string name)
    {
        // Central difference with h = 1e-5 has truncation error ~h²·φ‴ ≈ 1e-10 and rounding ~1e-16/h ≈ 1e-11.
        var activation = ActivationFunctions.Find(name);
        const double h = 1e-5;
        foreach (var z in new[] { -6.0, -2.5, -0.7, -0.01, 0.01, 0.3, 1.9, 5.0 })
        {
            double numeric = (activation.Forward(z + h) - activation.Forward(z - h)) / (2 * h);
            Assert.True(Math.Abs(numeric - activation.Derivative(z)) < 1e-8, $"{name} at {z}: {numeric} vs {activation.Derivative(z)}");
        }
    }

    [Theory]
    [InlineData("relu", -1.0, 0.0)]
    [InlineData("relu", 2.0, 2.0)]
    [InlineData("leaky-relu:0.2", -1.0, -0.2)]
    [InlineData("elu:0.5", -1.0, -0.31606027941427883)] // 0.5(e⁻¹ − 1)
    [InlineData("softsign", 3.0, 0.75)]
    [InlineData("gelu", 1.0, 0.8413447460685429)] // Φ(1)
    [InlineData("softplus", 0.0, 0.6931471805599453)] // ln 2
    [InlineData("softplus", -800.0, 0.0)]
    [InlineData("sigmoid", 800.0, 1.0)]
    public void Values_follow_the_formulas(string name, double z, double expected) =>
        Assert.Equal(expected, ActivationFunctions.Find(name).Forward(z), 14);

    [Theory]
    [InlineData("mish", "Unknown activation")]
    [InlineData("tanh:2", "takes no parameter")]
    [InlineData("elu:abc", "not a number")]
    public void Bad_names_get_errors_that_name_the_problem(string name, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationFunctions.Find(name));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Kinked_activations_are_marked_for_split_quadrature()
    {
        foreach (var name in new[] { "relu", "leaky-relu", "elu", "selu", "softsign" }) Assert.True(ActivationFunctions.Find(name).KinkAtZero, name);
        foreach (var name in new[] { "tanh", "gelu", "silu", "softplus", "sigmoid", "linear" }) Assert.False(ActivationFunctions.Find(name).KinkAtZero, name);
    }
}
