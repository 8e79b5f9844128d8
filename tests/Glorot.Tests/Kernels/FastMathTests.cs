using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class FastMathTests
{
    // Dense grids: every float step of 1e-4 on the interval where the function is not saturated.
    private static IEnumerable<float> Grid(float from, float to, float step)
    {
        for (int i = 0; from + i * step <= to; i++) yield return from + i * step;
    }

    [Fact]
    public void Tanh_rational_is_within_4e_7_of_tanh()
    {
        double worst = Grid(-10, 10, 1e-4f).Max(x => Math.Abs(FastMath.Tanh(x) - Math.Tanh(x)));
        Assert.True(worst < 4e-7, $"max |error| {worst}");
        Assert.Equal(0f, FastMath.Tanh(0f));
        Assert.InRange(FastMath.Tanh(100f), 1f - 4e-7f, 1f);
        Assert.True(float.IsNaN(FastMath.Tanh(float.NaN)));
    }

    [Fact]
    public void Sigmoid_via_tanh_is_within_2_5e_7_of_the_logistic()
    {
        double worst = Grid(-30, 30, 1e-3f).Max(x => Math.Abs(FastMath.Sigmoid(x) - Activation.Sigmoid.Forward(x)));
        Assert.True(worst < 2.5e-7, $"max |error| {worst}");
    }

    [Fact]
    public void NormalCdf_is_within_2_5e_7_of_Phi()
    {
        double worst = Grid(-12, 12, 1e-3f).Max(x => Math.Abs(FastMath.NormalCdf(x) - 0.5 * (1 + MathNet.Numerics.SpecialFunctions.Erf(x / Math.Sqrt(2)))));
        Assert.True(worst < 2.5e-7, $"max |error| {worst}");
    }

    [Fact]
    public void Log1P_keeps_relative_accuracy_for_tiny_arguments()
    {
        foreach (float u in new[] { 1e-30f, 1e-10f, 3e-8f, 1e-4f, 0.5f, 1f })
        {
            // ln(1 + u) = u − u²/2 + u³/3 − … below 1e-3 (next term < 1e-12 relative); Math.Log above.
            double expected = u < 1e-3f ? u - (double)u * u / 2 + (double)u * u * u / 3 : Math.Log(1 + (double)u);
            Assert.Equal(expected, FastMath.Log1P(u), expected * 3e-7);
        }
    }
}
