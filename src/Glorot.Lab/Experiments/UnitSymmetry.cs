using Glorot.Nn;

namespace Glorot.Lab.Experiments;

/// <summary>
/// How far apart the hidden units of a network are: for hidden layer k (the output of dense layer k − 1), the largest
/// |difference| between unit j and unit 0 over everything that defines a unit — its incoming weights (row j of
/// W_{k−1}), its bias, and its outgoing weights (column j of W_k). Exactly 0 means every unit of the layer is the same
/// function with the same influence, so the layer computes what one unit would.
/// </summary>
internal static class UnitSymmetry
{
    /// <summary>The largest difference between units in each hidden layer (index 0 = hidden layer 1).</summary>
    public static double[] MaxDifferences(Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        var result = new double[mlp.LayerCount - 1];
        for (int l = 0; l < result.Length; l++)
        {
            ReadOnlySpan<float> w = mlp.CopyWeight(l), b = mlp.Bias(l), next = mlp.CopyWeight(l + 1);
            int units = mlp.FanOut(l), fanIn = mlp.FanIn(l), above = mlp.FanOut(l + 1);
            double max = 0;
            for (int j = 1; j < units; j++)
            {
                for (int i = 0; i < fanIn; i++) max = Math.Max(max, Math.Abs((double)w[j * fanIn + i] - w[i]));
                max = Math.Max(max, Math.Abs((double)b[j] - b[0]));
                for (int o = 0; o < above; o++) max = Math.Max(max, Math.Abs((double)next[o * units + j] - next[o * units]));
            }
            result[l] = max;
        }
        return result;
    }

    /// <summary>The largest difference between units over every hidden layer.</summary>
    public static double MaxDifference(Mlp mlp) => MaxDifferences(mlp).DefaultIfEmpty(0).Max();
}
