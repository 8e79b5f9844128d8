using Glorot.Nn;
using Glorot.Theory;

namespace Glorot.Lab.Experiments;

/// <summary>Glorot &amp; Bengio's two conditions and the variance ratios they aim at, for every layer at one update.</summary>
/// <param name="Step">Updates done.</param>
/// <param name="FanInVariance">n_in·Var(W_l) of each hidden layer's weights (eq. 10's forward condition; 1 keeps the signal).</param>
/// <param name="FanOutVariance">n_out·Var(W_l) (eq. 11's backward condition; 1 keeps the gradient).</param>
/// <param name="ActivationRatio">Var(z^{k+1})/Var(z^k) between consecutive hidden layers (k = 1…L−1).</param>
/// <param name="GradientRatio">Var(∂C/∂s^k)/Var(∂C/∂s^{k+1}) between consecutive hidden layers, top-down (1 = preserved).</param>
public sealed record ConditionPoint(long Step, double[] FanInVariance, double[] FanOutVariance, double[] ActivationRatio, double[] GradientRatio)
{
    /// <summary>Measures <paramref name="mlp"/> on the probe batch through <paramref name="probe"/> (a trainer over the same network).</summary>
    public static ConditionPoint Measure(long step, Mlp mlp, SgdTrainer probe, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        ArgumentNullException.ThrowIfNull(probe);
        // Var(W) as the theory uses it: the second moment about 0 (the weights' mean stays ≈ 0 for zero-mean inits).
        var variance = NetworkTheory.WeightVariances(mlp);
        int hidden = mlp.LayerCount - 1;
        var fanIn = new double[hidden];
        var fanOut = new double[hidden];
        for (int l = 0; l < hidden; l++)
        {
            fanIn[l] = mlp.FanIn(l) * variance[l];
            fanOut[l] = mlp.FanOut(l) * variance[l];
        }
        probe.ComputeGradients(inputs, labels);
        var activation = new double[hidden];
        var gradient = new double[hidden];
        for (int l = 0; l < hidden; l++)
        {
            activation[l] = Variance(probe.Outputs(l));
            gradient[l] = Variance(probe.PreActivationGradients(l));
        }
        return new ConditionPoint(step, fanIn, fanOut,
            [.. Enumerable.Range(0, hidden - 1).Select(k => activation[k + 1] / activation[k])],
            [.. Enumerable.Range(0, hidden - 1).Select(k => gradient[k] / gradient[k + 1])]);
    }

    private static double Variance(ReadOnlySpan<float> values)
    {
        double sum = 0, square = 0;
        foreach (float v in values) { sum += v; square += (double)v * v; }
        double mean = sum / values.Length;
        return Math.Max(square / values.Length - mean * mean, 0);
    }
}
