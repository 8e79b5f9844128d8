using Glorot.Nn;
using Glorot.Numerics;

namespace Glorot.Probes;

/// <summary>
/// Glorot &amp; Bengio's (2010) conditions on the weights, n_in·Var(W) = 1 (eq. 10, forward signal kept) and
/// n_out·Var(W) = 1 (eq. 11, gradient kept), and the between-layer variance ratios they aim to keep at 1, as read from
/// a network and from a <see cref="ProbeRecord"/>. The record holds each layer's Var(W) and the stds of z and ∂C/∂s,
/// so the ratios are derived here rather than stored: one source of truth for the CSV, TensorBoard, figures and suites.
/// </summary>
public static class LayerConditions
{
    /// <summary>
    /// Population variance (1/N)·Σ(w − w̄)² over the N = fan_in·fan_out weights of dense layer <paramref name="layer"/>
    /// (biases excluded; about the weights' own mean, not about 0). NaN when a weight is not finite.
    /// </summary>
    public static double WeightVariance(Mlp mlp, int layer)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        return WeightVariance(mlp, layer, new float[mlp.FanIn(layer) * mlp.FanOut(layer)]);
    }

    /// <summary>
    /// <see cref="WeightVariance(Mlp, int)"/> with the weights copied into <paramref name="scratch"/> (exactly
    /// fan_in·fan_out floats, overwritten) instead of a new array: the same bits, without a large allocation (4 MB for
    /// a 1000 × 1000 layer) each time a run probes.
    /// </summary>
    public static double WeightVariance(Mlp mlp, int layer, Span<float> scratch)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        // A copy in PyTorch's (out × in) order, so that the moments sum the weights in the same order as ever.
        mlp.CopyWeight(layer, scratch);
        var moments = StreamingMoments.Of(scratch);
        return moments.NonFinite > 0 ? double.NaN : moments.Variance;
    }

    /// <summary>
    /// Var(z_l)/Var(z_{l−1}) for hidden layer l = <paramref name="record"/>.Layers[<paramref name="index"/>].Layer: the
    /// activation variance gained from the layer below (eq. 10 aims at 1). Null for the first hidden layer.
    /// </summary>
    public static double? ActivationVarianceRatio(ProbeRecord record, int index)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, record.Layers.Count);
        return index == 0 ? null : Ratio(record.Layers[index].Activations.Std, record.Layers[index - 1].Activations.Std);
    }

    /// <summary>
    /// Var(∂C/∂s_l)/Var(∂C/∂s_{l+1}) for hidden layer l = <paramref name="record"/>.Layers[<paramref name="index"/>].Layer:
    /// the back-propagated gradient variance gained from the hidden layer above (eq. 11 aims at 1). Null for the top
    /// hidden layer.
    /// </summary>
    public static double? GradientVarianceRatio(ProbeRecord record, int index)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, record.Layers.Count);
        return index == record.Layers.Count - 1 ? null
            : Ratio(record.Layers[index].BackpropGradients.Std, record.Layers[index + 1].BackpropGradients.Std);
    }

    private static double Ratio(double std, double referenceStd) => std * std / (referenceStd * referenceStd);
}
