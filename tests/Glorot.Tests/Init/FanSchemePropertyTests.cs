using CsCheck;
using Glorot.Init;

namespace Glorot.Tests.Init;

/// <summary>
/// Properties over random shapes and fans, where the fixed cases of <see cref="FansTests"/> and
/// <see cref="SchemesTests"/> check single points: every statement here is a definition that must hold for all shapes.
/// </summary>
public sealed class FanSchemePropertyTests
{
    // [out, in, k…] with up to three kernel dimensions; sizes small enough that products stay exact in double.
    private static readonly Gen<int[]> TorchShape = Gen.Int[1, 9].Array[2, 5];

    private static readonly Gen<(int FanIn, int FanOut)> DenseFans = Gen.Select(Gen.Int[1, 5000], Gen.Int[1, 5000]);

    [Fact]
    public void Keras_layout_of_the_permuted_shape_has_the_same_fans()
    {
        TorchShape.Sample(shape =>
        {
            // [out, in, k…] → [k…, in, out]
            int[] keras = [.. shape[2..], shape[1], shape[0]];
            Assert.Equal(Fans.Of(shape), Fans.Of(keras, TensorLayout.KernelInOut));
        });
    }

    [Fact]
    public void Fans_multiply_the_receptive_field_into_both_fans()
    {
        TorchShape.Sample(shape =>
        {
            long receptive = shape[2..].Aggregate(1L, (p, k) => p * k);
            var fans = Fans.Of(shape);
            Assert.Equal((long)shape[1] * receptive, fans.FanIn);
            Assert.Equal((long)shape[0] * receptive, fans.FanOut);
            Assert.Equal(shape.Aggregate(1L, (p, k) => p * k), fans.FanIn * fans.FanOut / receptive);
        });
    }

    [Fact]
    public void Fan_modes_are_ordered_min_geometric_arithmetic_max()
    {
        DenseFans.Sample((fanIn, fanOut) =>
        {
            var fans = new Fans(fanIn, fanOut);
            double lo = Math.Min(fanIn, fanOut), hi = Math.Max(fanIn, fanOut);
            double geo = fans.For(FanMode.FanGeoAvg), avg = fans.For(FanMode.FanAvg);
            Assert.InRange(geo, lo * (1 - 1e-15), avg * (1 + 1e-15)); // AM–GM
            Assert.InRange(avg, geo * (1 - 1e-15), hi);
            Assert.Equal(fanIn, fans.For(FanMode.FanIn));
            Assert.Equal(fanOut, fans.For(FanMode.FanOut));
        });
    }

    [Fact]
    public void Xavier_uniform_and_normal_share_the_variance_2_over_fan_in_plus_fan_out()
    {
        // Glorot & Bengio (2010) eqs. 12 and 16: Var(W) = 2/(n_in + n_out); the uniform bound is √3·std.
        DenseFans.Sample((fanIn, fanOut) =>
        {
            int[] shape = [fanOut, fanIn];
            double target = Math.Sqrt(2.0 / (fanIn + fanOut));
            var uniform = Schemes.Create("xavier-uniform").Describe(shape);
            var normal = Schemes.Create("xavier-normal").Describe(shape);
            Assert.Equal(target, normal.Std, 1e-15 * target);
            Assert.Equal(target, uniform.Std, 1e-15 * target);
            Assert.Equal(Math.Sqrt(6.0 / (fanIn + fanOut)), uniform.Bound!.Value, 1e-14 * target);
        });
    }

    [Fact]
    public void Fan_in_schemes_follow_their_definitions_for_every_fan()
    {
        DenseFans.Sample((fanIn, fanOut) =>
        {
            int[] shape = [fanOut, fanIn];
            double n = fanIn;
            Assert.Equal(1 / Math.Sqrt(n), Schemes.Create("standard").Describe(shape).Bound!.Value, 1e-15);   // eq. 1
            Assert.Equal(Math.Sqrt(2 / n), Schemes.Create("he-normal").Describe(shape).Std, 1e-15);          // He et al. eq. 10
            Assert.Equal(Math.Sqrt(6 / n), Schemes.Create("he-uniform").Describe(shape).Bound!.Value, 1e-14);
            Assert.Equal(Math.Sqrt(1 / n), Schemes.Create("lecun-normal").Describe(shape).Std, 1e-15);
            Assert.Equal(Math.Sqrt(3 / n), Schemes.Create("caffe-xavier").Describe(shape).Bound!.Value, 1e-14);
        });
    }

    [Fact]
    public void Gain_scales_the_std_linearly_and_nothing_else()
    {
        Gen.Select(DenseFans, Gen.Double[0.01, 10]).Sample((f, gain) =>
        {
            int[] shape = [f.FanOut, f.FanIn];
            var plain = Schemes.Create("xavier-normal").Describe(shape);
            var scaled = Schemes.Create("xavier-normal", new InitOptions { Gain = gain }).Describe(shape);
            Assert.Equal(gain * plain.Std, scaled.Std, 1e-14 * gain * plain.Std);
            Assert.Equal(plain.Fans, scaled.Fans);
        });
    }
}
