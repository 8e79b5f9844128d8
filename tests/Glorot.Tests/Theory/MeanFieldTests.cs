using Glorot.Nn;
using Glorot.Random;
using Glorot.Theory;

namespace Glorot.Tests.Theory;

public class MeanFieldTests
{
    [Fact]
    public void Identity_and_relu_have_closed_forms()
    {
        Assert.Equal(2 * 0.7 + 0.1, MeanField.QMap(Activation.Identity, 0.7, 2, 0.1), 12);
        Assert.Equal(0.35, MeanField.MeanSquare(Activation.Relu, 0.7), 6);     // E[relu(s)²] = q/2
        Assert.Equal(0.5, MeanField.SlopeSquare(Activation.Relu, 0.7), 10);    // half the mass has slope 1 (quadrature split at the kink)
        Assert.Equal(Math.Sqrt(0.7 / (2 * Math.PI)), MeanField.Mean(Activation.Relu, 0.7), 4);
    }

    [Fact]
    public void Tanh_without_bias_is_critical_at_unit_weight_variance()
    {
        // Poole et al. 2016: for tanh, σ_b = 0, σ_w ≤ 1 gives q* = 0 and χ₁ = σ_w² (tanh′(0) = 1).
        Assert.Equal(1, MeanField.Chi1(Activation.Tanh, 0, 1), 12);
        Assert.Equal(1.0 / 3, MeanField.Chi1(Activation.Tanh, 0, 1.0 / 3), 12);
        Assert.True(MeanField.FixedPoint(Activation.Tanh, 0.8) < 1e-12);
        Assert.True(MeanField.FixedPoint(Activation.Tanh, 1.0) < 1e-3);   // algebraic decay at criticality
        double q = MeanField.FixedPoint(Activation.Tanh, 2.0);
        Assert.True(q > 0.1);
        Assert.Equal(q, MeanField.QMap(Activation.Tanh, q, 2.0), 10);
        // σ_b = 0 and σ_w² > 1 is the chaotic phase (Poole et al. 2016, Fig. 2): nearby inputs drift apart, χ₁ > 1.
        Assert.True(MeanField.Chi1(Activation.Tanh, q, 2.0) > 1);
        // …and σ_w² < 1 the ordered phase: q* = 0 and χ₁ = σ_w² < 1.
        Assert.True(MeanField.Chi1(Activation.Tanh, MeanField.FixedPoint(Activation.Tanh, 0.8), 0.8) < 1);
    }

    [Fact]
    public void Tanh_fixed_point_matches_a_simulated_wide_random_network()
    {
        // σ_w² = 1.5, σ_b² = 0.05: q* ≈ 0.42, away from 0. Inputs are scaled so that the first layer starts at q*
        // (convergence toward q* is slow here: the q-map's slope at q* is close to 1), so every layer of a 12-layer,
        // 800-wide network with W ~ N(0, σ_w²/n), b ~ N(0, σ_b²) should sit at q*. One layer's empirical E[s²] over its
        // 800 units fluctuates by ≈ √(2/800) = 5 % (each unit's ‖w‖² is a χ² draw); the mean over 12 layers by
        // ≈ 1.4 %: 4 % tolerance (≈ 3σ).
        const double sw2 = 1.5, sb2 = 0.05;
        const int width = 800, depth = 12, rows = 16;
        double qStar = MeanField.FixedPoint(Activation.Tanh, sw2, sb2);
        Assert.Equal(qStar, MeanField.QMap(Activation.Tanh, qStar, sw2, sb2), 9);
        var mlp = new Mlp([width, .. Enumerable.Repeat(width, depth), 2], Activation.Tanh);
        mlp.Initialize((w, fanOut, fanIn, seed, stream) =>
        {
            var random = new RandomStream(seed, stream);
            double std = Math.Sqrt(sw2 / fanIn);
            for (int i = 0; i < w.Length; i++) w[i] = (float)(random.NextGaussian() * std);
        }, 5);
        var biasRandom = new RandomStream(5, 1000);
        for (int l = 0; l < mlp.LayerCount; l++)
            mlp.SetBias(l, [.. Enumerable.Range(0, mlp.FanOut(l)).Select(_ => (float)(biasRandom.NextGaussian() * Math.Sqrt(sb2)))]);
        var inputRandom = new RandomStream(5, 2000);
        var x = new float[rows * width];
        double inputStd = Math.Sqrt((qStar - sb2) / sw2);
        for (int i = 0; i < x.Length; i++) x[i] = (float)(inputRandom.NextGaussian() * inputStd);
        var trainer = new NetworkPass(mlp, rows);
        trainer.Forward(x, rows);
        double sum = 0;
        for (int l = 0; l < depth; l++)
        {
            var (mean, variance) = Support.Statistics.Moments(trainer.PreActivations(l));
            sum += variance + mean * mean;
        }
        Assert.Equal(1, sum / depth / qStar, 0.04);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanField.QMap(Activation.Tanh, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanField.QMap(Activation.Tanh, 1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeanField.Chi1(Activation.Tanh, 1, -1));
    }
}
