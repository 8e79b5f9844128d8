namespace Glorot.Theory;

/// <summary>
/// Glorot &amp; Bengio (2010) §4.2.1, the linear regime (f′(0) = 1, f(s) ≈ s, independent zero-mean weights):
/// the variance of activations, back-propagated gradients and weight gradients of every hidden layer from the
/// widths and the per-layer Var[W] alone.
/// </summary>
/// <remarks>
/// Indexing as in <see cref="Nn.Mlp"/>: dense layer l maps n_l = widths[l] to n_{l+1} = widths[l+1]; hidden layer
/// k = l + 1 is the paper's "Layer k", whose output is z^{k} and whose pre-activation is s^{l}. With
/// a = <c>inputSecondMoment</c> (the paper writes Var[x] for zero-mean inputs; for zero-mean weights the
/// quantity that propagates is E[x²]) and g = Var[∂C/∂s^d] of the output layer d:
/// <list type="bullet">
/// <item>eq. 5: Var[z^{l+1}] = a·∏_{i=0}^{l} n_i·Var[W^i]·ρ</item>
/// <item>eq. 6: Var[∂C/∂s^l] = g·∏_{i=l+1}^{d} n_{i+1}·Var[W^i]·ρ — the gradient crossing dense layer i (fan-out
/// n_{i+1}) and the slope of the layer below. The paper prints the product from i = l; counting the factors of
/// eq. 2 (one W per layer crossed) gives l + 1, which is what is implemented.</item>
/// <item>eq. 7: Var[∂C/∂W^l] = Var[z_in^l]·Var[∂C/∂s^l], z_in^0 = x (independence of z and ∂C/∂s).</item>
/// </list>
/// ρ = <c>slopeSquared</c> is 1 in the paper (f′(0) = 1); passing E[f′(s)²] keeps the linear form with the
/// activation's actual mean squared slope (one factor per activation crossed).
/// </remarks>
public static class LinearTheory
{
    /// <summary>Predictions for every hidden layer (bottom to top).</summary>
    /// <param name="widths">[n₀ inputs, hidden…, outputs].</param>
    /// <param name="weightVariances">Var[W^l] of each dense layer (widths.Count − 1 of them).</param>
    /// <param name="inputSecondMoment">E[x²] of the inputs (Var[x] when they are centred).</param>
    /// <param name="outputGradientVariance">Var[∂C/∂s^d] of the output layer.</param>
    /// <param name="slopeSquared">Factor per activation crossed: 1 (the paper) or E[f′²].</param>
    public static IReadOnlyList<LinearPrediction> Predict(IReadOnlyList<int> widths, IReadOnlyList<double> weightVariances,
        double inputSecondMoment, double outputGradientVariance, double slopeSquared = 1)
    {
        TheoryChecks.Network(widths, weightVariances);
        int layers = widths.Count - 1, hidden = layers - 1;
        // Backward product from the top: Var[∂C/∂s^l] for l = d … 0 (eq. 6).
        var backprop = new double[layers];
        backprop[layers - 1] = outputGradientVariance;
        for (int l = layers - 2; l >= 0; l--)
            backprop[l] = backprop[l + 1] * widths[l + 2] * weightVariances[l + 1] * slopeSquared;
        var result = new LinearPrediction[hidden];
        double zIn = inputSecondMoment;
        for (int l = 0; l < hidden; l++)
        {
            double z = zIn * widths[l] * weightVariances[l] * slopeSquared;   // eq. 5
            result[l] = new LinearPrediction(l + 1, z, backprop[l], zIn * backprop[l]);  // eq. 7 uses the layer's input
            zIn = z;
        }
        return result;
    }
}

/// <summary>Linear-regime prediction for one hidden layer (<see cref="LinearTheory"/>).</summary>
/// <param name="Layer">1-based hidden-layer number.</param>
/// <param name="ActivationVariance">Var[z] of the layer's output (eq. 5).</param>
/// <param name="BackpropVariance">Var[∂C/∂s] of the layer's pre-activation (eq. 6).</param>
/// <param name="WeightGradientVariance">Var[∂C/∂W] of the layer's weights, per example (eq. 7).</param>
public sealed record LinearPrediction(int Layer, double ActivationVariance, double BackpropVariance, double WeightGradientVariance);

internal static class TheoryChecks
{
    public static void Network(IReadOnlyList<int> widths, IReadOnlyList<double> weightVariances)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(weightVariances);
        if (widths.Count < 2) throw new ArgumentException("A network needs an input and an output width.", nameof(widths));
        if (widths.Any(w => w <= 0)) throw new ArgumentException("Every width must be positive.", nameof(widths));
        if (weightVariances.Count != widths.Count - 1)
            throw new ArgumentException($"{widths.Count - 1} layers need {widths.Count - 1} weight variances, not {weightVariances.Count}.", nameof(weightVariances));
        if (weightVariances.Any(v => !(v >= 0) || !double.IsFinite(v)))
            throw new ArgumentException("Every weight variance must be finite and ≥ 0.", nameof(weightVariances));
    }
}
