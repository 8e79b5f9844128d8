using Glorot.Nn;
using Glorot.Probes;
using Glorot.Random;
using Glorot.Theory;

namespace Glorot.Tests.Theory;

public class LinearTheoryTests
{
    [Fact]
    public void Products_follow_eqs_5_to_7_on_a_hand_example()
    {
        // widths 2-3-4-5, Var[W] = 0.1, 0.2, 0.3; Var[x] = 2; output gradient variance 7.
        var p = LinearTheory.Predict([2, 3, 4, 5], [0.1, 0.2, 0.3], 2, 7);
        Assert.Equal(2, p.Count);
        Assert.Equal(2 * 2 * 0.1, p[0].ActivationVariance, 12);                 // eq. 5: a·n₀Var[W⁰]
        Assert.Equal(2 * 2 * 0.1 * 3 * 0.2, p[1].ActivationVariance, 12);       // ·n₁Var[W¹]
        Assert.Equal(7 * 5 * 0.3, p[1].BackpropVariance, 12);                   // eq. 6: g·n₃Var[W²]
        Assert.Equal(7 * 5 * 0.3 * 4 * 0.2, p[0].BackpropVariance, 12);         // ·n₂Var[W¹]
        Assert.Equal(2 * p[0].BackpropVariance, p[0].WeightGradientVariance, 12); // eq. 7: Var[x]·Var[∂C/∂s⁰]
        Assert.Equal(p[0].ActivationVariance * p[1].BackpropVariance, p[1].WeightGradientVariance, 12);
        var scaled = LinearTheory.Predict([2, 3, 4, 5], [0.1, 0.2, 0.3], 2, 7, slopeSquared: 0.5);
        Assert.Equal(p[1].ActivationVariance * 0.25, scaled[1].ActivationVariance, 12);
    }

    [Fact]
    public void With_equal_widths_and_normalized_weights_every_layer_keeps_its_variance()
    {
        // eqs. 10–14: n·Var[W] = 1 ⇒ activations, back-propagated and weight gradients the same in every layer.
        var p = LinearTheory.Predict([100, 100, 100, 100, 100], [0.01, 0.01, 0.01, 0.01], 1, 1);
        Assert.All(p, l => Assert.Equal(1, l.ActivationVariance, 12));
        Assert.All(p, l => Assert.Equal(1, l.BackpropVariance, 12));
        Assert.All(p, l => Assert.Equal(1, l.WeightGradientVariance, 12));
    }

    [Fact]
    public void A_linear_network_matches_eqs_5_to_7_by_monte_carlo()
    {
        // Identity activations, unequal widths and per-layer weight variances, Gaussian inputs of variance 2.
        // For fixed weights, each layer-to-layer factor is a normalized trace tr(WᵀW·Σ)/n whose weight-draw fluctuation
        // is ≈ √(2/(n_in·n_out)) ≲ 1 % for the hidden layers; the top factor sees only the directions of the output
        // gradient (softmax − one-hot, rank ≤ classes − 1), hence 50 classes: ≈ √(2/(50·200)) ≈ 1.4 %, times the
        // anisotropy of those directions. Measured (seed 3): activations ≤ 1 %, dL/ds ≤ 3 %, dL/dW ≤ 4.2 %; 5 % tolerance for activations and dL/ds, 10 % for
        // dL/dW, where eq. 7 also assumes E[z²·δ²] = E[z²]·E[δ²] across examples. The prediction starts from the measured
        // E[x²] and output-layer gradient variance, as the CLI does.
        int[] widths = [120, 300, 250, 200, 50];
        double[] scales = [1.2, 0.7, 1.0, 0.5];
        var mlp = new Mlp(widths, Activation.Identity);
        mlp.Initialize((w, fanOut, fanIn, seed, stream) =>
        {
            var random = new RandomStream(seed, stream);
            double std = Math.Sqrt(scales[stream] / fanIn);
            for (int i = 0; i < w.Length; i++) w[i] = (float)(random.NextGaussian() * std);
        }, 3);
        const int rows = 200;
        var r = new RandomStream(3, 100);
        var x = new float[rows * widths[0]];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(r.NextGaussian() * Math.Sqrt(2));
        var y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = r.NextInt(50);
        var record = new NetworkProbe(mlp, new ProbeOptions { WeightGradientBatches = 40 }).Measure(x, y);
        var p = LinearTheory.Predict(widths, NetworkTheory.WeightVariances(mlp), record.Input.SecondMoment, record.OutputGradient.SecondMoment);
        var ratios = record.Layers.Select((m, l) => (
            Activation: m.Activations.SecondMoment / p[l].ActivationVariance,
            Backprop: m.BackpropGradients.SecondMoment / p[l].BackpropVariance,
            Weight: m.WeightGradients!.SecondMoment / p[l].WeightGradientVariance)).ToList();
        string all = string.Join("; ", ratios);
        Assert.All(ratios, r => Assert.True(Math.Abs(r.Activation - 1) < 0.05 && Math.Abs(r.Backprop - 1) < 0.05 && Math.Abs(r.Weight - 1) < 0.1, all));
    }

    [Fact]
    public void Inconsistent_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LinearTheory.Predict([2, 3], [0.1, 0.2], 1, 1));
        Assert.Throws<ArgumentException>(() => LinearTheory.Predict([2, 0, 3], [0.1, 0.2], 1, 1));
        Assert.Throws<ArgumentException>(() => LinearTheory.Predict([2, 3, 3], [0.1, -0.2], 1, 1));
    }
}
