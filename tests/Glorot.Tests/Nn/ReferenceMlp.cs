using Glorot.Nn;

namespace Glorot.Tests.Nn;

/// <summary>
/// A slow, obviously-right double-precision MLP forward pass and loss over an <see cref="Mlp"/>'s row-major
/// parameters, straight from the definitions (s = z·Wᵀ + b, z′ = f(s), mean −log softmax): the function the
/// engine's gradients are checked against by finite differences.
/// </summary>
internal static class ReferenceMlp
{
    public static double[] Logits(Mlp mlp, IReadOnlyList<double> parameters, ReadOnlySpan<float> inputs, int row)
    {
        double[] z = new double[mlp.Widths[0]];
        for (int i = 0; i < z.Length; i++) z[i] = inputs[row * z.Length + i];
        int offset = 0;
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            int fanIn = mlp.FanIn(l), fanOut = mlp.FanOut(l);
            var f = mlp.LayerActivation(l);
            var next = new double[fanOut];
            for (int o = 0; o < fanOut; o++)
            {
                double s = parameters[offset + fanOut * fanIn + o];
                for (int i = 0; i < fanIn; i++) s += parameters[offset + o * fanIn + i] * z[i];
                next[o] = f.Forward(s);
            }
            offset += fanOut * fanIn + fanOut;
            z = next;
        }
        return z;
    }

    public static double MeanLoss(Mlp mlp, IReadOnlyList<double> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        double total = 0;
        for (int b = 0; b < labels.Length; b++)
        {
            var logits = Logits(mlp, parameters, inputs, b);
            double max = logits.Max();
            double lse = max + Math.Log(logits.Sum(v => Math.Exp(v - max)));
            total += lse - logits[labels[b]];
        }
        return total / labels.Length;
    }
}
