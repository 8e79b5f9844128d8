using Glorot.Probes;

namespace Glorot.Lab.Experiments;

/// <summary>Glorot &amp; Bengio's two conditions and the variance ratios they aim at, for every layer at one update.</summary>
/// <param name="Step">Updates done.</param>
/// <param name="FanInVariance">n_in·Var(W_l) of each hidden layer's weights (eq. 10's forward condition; 1 keeps the signal).</param>
/// <param name="FanOutVariance">n_out·Var(W_l) (eq. 11's backward condition; 1 keeps the gradient).</param>
/// <param name="ActivationRatio">Var(z^{k+1})/Var(z^k) between consecutive hidden layers (k = 1…L−1).</param>
/// <param name="GradientRatio">Var(∂C/∂s^k)/Var(∂C/∂s^{k+1}) between consecutive hidden layers, top-down (1 = preserved).</param>
internal sealed record ConditionPoint(long Step, double[] FanInVariance, double[] FanOutVariance, double[] ActivationRatio, double[] GradientRatio)
{
    /// <summary>The conditions as a probe record holds them (<see cref="LayerConditions"/>: Var(W) is the population variance).</summary>
    public static ConditionPoint From(ProbeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var layers = record.Layers;
        return new ConditionPoint(record.Step,
            [.. layers.Select(l => l.FanInWeightVariance)],
            [.. layers.Select(l => l.FanOutWeightVariance)],
            [.. Enumerable.Range(1, layers.Count - 1).Select(i => LayerConditions.ActivationVarianceRatio(record, i)!.Value)],
            [.. Enumerable.Range(0, layers.Count - 1).Select(i => LayerConditions.GradientVarianceRatio(record, i)!.Value)]);
    }
}
