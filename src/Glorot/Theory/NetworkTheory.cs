using Glorot.Init;
using MathNet.Numerics.Distributions;

namespace Glorot.Theory;

/// <summary>
/// Per-layer predictions at initialization for a whole network, layer widths possibly unequal: the mean-field
/// recursion (<see cref="MeanField"/>) forward through the actual activation, back-propagated gradient variance
/// backward with each layer's mean squared slope, weight-gradient variance from both, and the Jacobian's mean
/// singular value from the Marchenko–Pastur law (<see cref="RandomMatrix"/>). With φ = identity it reduces
/// exactly to <see cref="LinearTheory"/> (Glorot &amp; Bengio 2010 eqs. 5–7).
/// </summary>
/// <remarks>
/// Forward (Poole et al. 2016 eq. 3, with fan-in n_l and layer-specific Var[W^l]): q_l = n_l·Var[W^l]·E[z_in²] + σ_b²,
/// E[z_out²] = E[φ(√q_l ξ)²]. Backward (Glorot &amp; Bengio eq. 2 squared, mean-field independence):
/// Var[∂C/∂s^l] = E[φ′(√q_l ξ)²]·n_{l+2}·Var[W^{l+1}]·Var[∂C/∂s^{l+1}], from the output layer's gradient variance.
/// Weight gradient (eq. 3): Var[∂C/∂W^l] = E[z_in²]·Var[∂C/∂s^l] per example. Percentiles: z = φ(s) with s Gaussian,
/// so for non-decreasing φ the p-th percentile of z is φ(√q·Φ⁻¹(p)) (NaN for GELU, which is not monotone).
/// Jacobian J = diag(φ′(s))·W: mean singular value ≈ √E[φ′²]·MeanSingularValue(n_out, n_in, Var[W]), an
/// approximation that treats diag(φ′) as a uniform scale (exact for identity; docs/PROBES.md gives the measured
/// 0.46–0.49 standard, 0.74–0.80 normalized for tanh 5×1000).
/// </remarks>
public static class NetworkTheory
{
    /// <summary>Predictions for every hidden layer (bottom to top).</summary>
    /// <param name="widths">[n₀ inputs, hidden…, outputs].</param>
    /// <param name="weightVariances">Var[W^l] per dense layer, e.g. from <see cref="WeightVariances(Initializer, IReadOnlyList{int})"/>.</param>
    /// <param name="activation">φ of the hidden layers.</param>
    /// <param name="inputSecondMoment">E[x²] of the inputs.</param>
    /// <param name="outputGradientVariance">Var[∂C/∂s] of the output layer (per example).</param>
    /// <param name="biasVariance">σ_b² (0 for the paper's zero biases).</param>
    public static IReadOnlyList<LayerPrediction> Predict(IReadOnlyList<int> widths, IReadOnlyList<double> weightVariances,
        Activation activation, double inputSecondMoment, double outputGradientVariance, double biasVariance = 0)
    {
        TheoryChecks.Network(widths, weightVariances);
        int layers = widths.Count - 1, hidden = layers - 1;
        var q = new double[hidden];
        var mean = new double[hidden];
        var square = new double[hidden];
        var slope = new double[hidden];
        var zIn = new double[hidden];
        double m2 = inputSecondMoment;
        for (int l = 0; l < hidden; l++)
        {
            zIn[l] = m2;
            q[l] = widths[l] * weightVariances[l] * m2 + biasVariance;
            mean[l] = MeanField.Mean(activation, q[l]);
            square[l] = MeanField.MeanSquare(activation, q[l]);
            slope[l] = MeanField.SlopeSquare(activation, q[l]);
            m2 = square[l];
        }
        var backprop = new double[layers];
        backprop[layers - 1] = outputGradientVariance;
        for (int l = layers - 2; l >= 0; l--)
            backprop[l] = slope[l] * widths[l + 2] * weightVariances[l + 1] * backprop[l + 1];
        bool monotone = activation.Info.IsMonotone;
        double z01 = Normal.InvCDF(0, 1, 0.01), z99 = Normal.InvCDF(0, 1, 0.99);
        var result = new LayerPrediction[hidden];
        for (int l = 0; l < hidden; l++)
        {
            double r = Math.Sqrt(q[l]);
            result[l] = new LayerPrediction(
                Layer: l + 1,
                PreActivationVariance: q[l],
                ActivationMean: mean[l],
                ActivationStd: Math.Sqrt(Math.Max(square[l] - mean[l] * mean[l], 0)),
                ActivationP1: monotone ? activation.Forward(r * z01) : double.NaN,
                ActivationP99: monotone ? activation.Forward(r * z99) : double.NaN,
                SlopeSquared: slope[l],
                BackpropStd: Math.Sqrt(backprop[l]),
                WeightGradientStd: Math.Sqrt(zIn[l] * backprop[l]),
                JacobianMeanSingularValue: Math.Sqrt(slope[l]) * RandomMatrix.MeanSingularValue(widths[l + 1], widths[l], weightVariances[l]));
        }
        return result;
    }

    /// <summary>Var[W^l] of every dense layer as <paramref name="initializer"/> draws it (InitStats.Std² of a [out, in] weight).</summary>
    public static double[] WeightVariances(Initializer initializer, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(widths);
        var v = new double[widths.Count - 1];
        for (int l = 0; l < v.Length; l++)
        {
            var stats = initializer.Describe([widths[l + 1], widths[l]]);
            v[l] = stats.Std * stats.Std + stats.Mean * stats.Mean;
        }
        return v;
    }

    /// <summary>The empirical Var[W^l] (second moment about 0, as the theory uses it) of every layer of a network.</summary>
    public static double[] WeightVariances(Nn.Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        var v = new double[mlp.LayerCount];
        for (int l = 0; l < v.Length; l++)
        {
            var w = mlp.CopyWeight(l);
            double sum = 0;
            foreach (float x in w) sum += (double)x * x;
            v[l] = sum / w.Length;
        }
        return v;
    }
}

/// <summary>What <see cref="NetworkTheory"/> predicts for one hidden layer at initialization.</summary>
/// <param name="Layer">1-based hidden-layer number.</param>
/// <param name="PreActivationVariance">q = Var[s].</param>
/// <param name="ActivationMean">E[z].</param>
/// <param name="ActivationStd">Std[z].</param>
/// <param name="ActivationP1">1st percentile of z.</param>
/// <param name="ActivationP99">99th percentile of z.</param>
/// <param name="SlopeSquared">E[φ′(s)²].</param>
/// <param name="BackpropStd">Std of the per-example ∂C/∂s.</param>
/// <param name="WeightGradientStd">Std of the per-example ∂C/∂W.</param>
/// <param name="JacobianMeanSingularValue">Mean singular value of diag(φ′(s))·W (approximation, see remarks of <see cref="NetworkTheory"/>).</param>
public sealed record LayerPrediction(int Layer, double PreActivationVariance, double ActivationMean, double ActivationStd,
    double ActivationP1, double ActivationP99, double SlopeSquared, double BackpropStd, double WeightGradientStd,
    double JacobianMeanSingularValue);
