using Glorot.Nn;

namespace Glorot.Tests.Nn;

public class WeightFillTests
{
    [Fact]
    public void Normalized_fill_is_uniform_with_variance_2_over_fan_sum()
    {
        var w = new float[1000 * 1000];
        WeightFills.Normalized(w, 1000, 1000, 5, 0);
        double bound = Math.Sqrt(6.0 / 2000), variance = w.Average(v => (double)v * v);
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        // Var of U[−a, a] is a²/3 = 1e-3; the estimate's standard error is σ²·√(0.8/n) (kurtosis 1.8) = 8.9e-7,
        // so 5 standard errors is 4.5e-6.
        Assert.Equal(1e-3, variance, 4.5e-6);
        var again = new float[w.Length];
        WeightFills.Normalized(again, 1000, 1000, 5, 0);
        Assert.Equal(w, again);
    }

    [Fact]
    public void Standard_fill_is_bounded_by_one_over_root_fan_in()
    {
        var w = new float[300 * 100];
        WeightFills.Standard(w, 300, 100, 5, 1);
        Assert.All(w, v => Assert.InRange(v, -0.1f, 0.1f));
        Assert.True(w.Max() > 0.099f && w.Min() < -0.099f);
    }

    [Fact]
    public void Any_initializer_fills_a_layer_with_the_layer_fans_and_the_same_bits_as_drawing_it_directly()
    {
        var init = Glorot.Init.Schemes.Create("he-normal", new Glorot.Init.InitOptions { Mode = Glorot.Init.FanMode.FanOut });
        var viaFill = new float[64 * 32];
        WeightFills.From(init)(viaFill, 64, 32, seed: 3, stream: 2);
        var direct = new float[64 * 32];
        var stats = init.Fill(direct, [64, 32], seed: 3, stream: 2);
        Assert.Equal(direct, viaFill);
        Assert.Equal(Math.Sqrt(2.0 / 64), stats.Std, 12);
    }
}
