using Glorot.Random;

namespace Glorot.Lab.Figures;

/// <summary>
/// Fig. 5 (§4.1): the training criterion of a network with one tanh hidden layer as a function of two weights, one per
/// layer, cross-entropy beside the quadratic cost, on a grid. The network (<see cref="Network"/>): d inputs, H tanh
/// hidden units, a softmax over two classes with logits (a, 0), a = Σ_j u_j·tanh(v_j·x), so P(1|x) = σ(a). Every
/// weight is fixed and random except w₁ = v₀₀ (first layer) and w₂ = u₀ (output layer), which span the grid. Inputs
/// x ~ N(0, I) and targets t uniform over {0, 1} are random too — the paper's "random input and target".
/// Costs are means over the examples: cross-entropy C = −log P(t|x) (the paper's −log P(y|x)); quadratic
/// Q = ½·Σ_k (P(k|x) − 1[k = t])² = (σ(a) − t)² on the same softmax outputs, which lies in [0, 1] as the paper's
/// bottom surface does.
/// </summary>
/// <param name="W1">Grid of the first-layer weight w₁ (columns of the cost arrays).</param>
/// <param name="W2">Grid of the output-layer weight w₂ (rows).</param>
/// <param name="CrossEntropy">C[i, j] at (w₂ = W2[i], w₁ = W1[j]).</param>
/// <param name="Quadratic">Q[i, j] at (w₂ = W2[i], w₁ = W1[j]).</param>
/// <param name="Net">The network and its examples.</param>
internal sealed record CostSurface(double[] W1, double[] W2, double[,] CrossEntropy, double[,] Quadratic, CostSurface.Network Net)
{
    /// <summary>The paper's axes: both weights in [−4, 4].</summary>
    public const double Range = 4;

    /// <summary>A plateau point has a slope below this fraction of the surface's average slope (cost range / grid width).</summary>
    public const double PlateauSlope = 0.1;

    /// <summary>... and a cost above the minimum by more than this fraction of the cost range ("far from the minimum").</summary>
    public const double PlateauHeight = 0.1;

    /// <summary>
    /// The fixed part of Fig. 5's network and its examples: inputs X (N × d, row-major), targets T (N), first-layer
    /// weights V (H × d, row-major; V[0] is replaced by w₁), output weights U (H; U[0] is replaced by w₂).
    /// </summary>
    /// <param name="Inputs">d.</param>
    /// <param name="Hidden">H.</param>
    /// <param name="X">Inputs, N × d.</param>
    /// <param name="T">Targets in {0, 1}.</param>
    /// <param name="V">First-layer weights, H × d.</param>
    /// <param name="U">Output weights, H.</param>
    public sealed record Network(int Inputs, int Hidden, double[] X, int[] T, double[] V, double[] U)
    {
        /// <summary>
        /// Random examples and weights from (seed, stream 0): x, v ~ N(0, 1) (so a hidden unit's input has std √d and the
        /// units work in tanh's curved and flat parts), u ~ N(0, 1), t uniform over {0, 1}.
        /// </summary>
        public static Network Random(int examples = 10, int inputs = 4, int hidden = 8, ulong seed = 5)
        {
            if (examples < 1 || inputs < 1 || hidden < 1)
                throw new ArgumentOutOfRangeException(nameof(examples), "Fig. 5's network needs at least one example, input and hidden unit.");
            var random = new RandomStream(seed, 0);
            double[] Gaussians(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextGaussian())];
            var x = Gaussians(examples * inputs);
            var v = Gaussians(hidden * inputs);
            var u = Gaussians(hidden);
            int[] t = [.. Enumerable.Range(0, examples).Select(_ => random.NextInt(2))];
            return new Network(inputs, hidden, x, t, v, u);
        }

        /// <summary>Examples N.</summary>
        public int Examples => T.Length;

        /// <summary>(a, h₀) of example n at (w₁, w₂): the class-1 logit and the varied hidden unit's output.</summary>
        public (double Logit, double H0) Forward(int n, double w1, double w2)
        {
            var x = X.AsSpan(n * Inputs, Inputs);
            double a = 0, h0 = 0;
            for (int j = 0; j < Hidden; j++)
            {
                double s = 0;
                for (int i = 0; i < Inputs; i++) s += (j == 0 && i == 0 ? w1 : V[j * Inputs + i]) * x[i];
                double h = Math.Tanh(s);
                if (j == 0) h0 = h;
                a += (j == 0 ? w2 : U[j]) * h;
            }
            return (a, h0);
        }
    }

    /// <summary>The two training criteria of Fig. 5.</summary>
    public enum Criterion
    {
        /// <summary>−log P(t|x).</summary>
        CrossEntropy,

        /// <summary>½·Σ_k (P(k|x) − 1[k = t])².</summary>
        Quadratic,
    }

    /// <summary>The surfaces on a <paramref name="points"/> × <paramref name="points"/> grid over [−4, 4]².</summary>
    public static CostSurface Compute(Network net, int points = 81)
    {
        ArgumentNullException.ThrowIfNull(net);
        if (points < 3) throw new ArgumentOutOfRangeException(nameof(points), points, "The grid needs at least 3 points per axis.");
        double[] axis = [.. Enumerable.Range(0, points).Select(i => -Range + 2 * Range * i / (points - 1))];
        var ce = new double[points, points];
        var q = new double[points, points];
        for (int i = 0; i < points; i++)
            for (int j = 0; j < points; j++)
                (ce[i, j], q[i, j]) = (Cost(net, Criterion.CrossEntropy, axis[j], axis[i]), Cost(net, Criterion.Quadratic, axis[j], axis[i]));
        return new CostSurface(axis, axis, ce, q, net);
    }

    /// <summary>The mean cost over the examples at (w₁, w₂).</summary>
    public static double Cost(Network net, Criterion criterion, double w1, double w2)
    {
        ArgumentNullException.ThrowIfNull(net);
        double sum = 0;
        for (int n = 0; n < net.Examples; n++)
        {
            double a = net.Forward(n, w1, w2).Logit;
            sum += criterion == Criterion.CrossEntropy
                ? Softplus(net.T[n] == 1 ? -a : a)               // −log σ(±a), without overflow
                : Square(Sigmoid(a) - net.T[n]);
        }
        return sum / net.Examples;
    }

    /// <summary>(∂C/∂w₁, ∂C/∂w₂), analytically: ∂a/∂w₂ = h₀, ∂a/∂w₁ = w₂·(1 − h₀²)·x₀; ∂C/∂a = σ(a) − t (cross-entropy)
    /// or 2·(σ(a) − t)·σ(a)·(1 − σ(a)) (quadratic) — the factor σ′ that flattens the quadratic cost where σ saturates.</summary>
    public static (double DW1, double DW2) Gradient(Network net, Criterion criterion, double w1, double w2)
    {
        ArgumentNullException.ThrowIfNull(net);
        double g1 = 0, g2 = 0;
        for (int n = 0; n < net.Examples; n++)
        {
            var (a, h) = net.Forward(n, w1, w2);
            double p = Sigmoid(a), t = net.T[n];
            double da = criterion == Criterion.CrossEntropy ? p - t : 2 * (p - t) * p * (1 - p);
            g1 += da * w2 * (1 - h * h) * net.X[n * net.Inputs];
            g2 += da * h;
        }
        return (g1 / net.Examples, g2 / net.Examples);
    }

    /// <summary>
    /// Fraction of the grid on a plateau: ‖∇C‖ below <see cref="PlateauSlope"/> × (cost range / grid width) while the cost
    /// is more than <see cref="PlateauHeight"/> × cost range above the grid's minimum. Scale-free, so the two criteria compare.
    /// </summary>
    public double PlateauFraction(Criterion criterion)
    {
        var cost = criterion == Criterion.CrossEntropy ? CrossEntropy : Quadratic;
        double min = double.MaxValue, max = double.MinValue;
        foreach (double c in cost) (min, max) = (Math.Min(min, c), Math.Max(max, c));
        double range = max - min;
        if (!(range > 0)) return 0;
        double slope = PlateauSlope * range / (2 * Range);
        int plateau = 0;
        for (int i = 0; i < W2.Length; i++)
            for (int j = 0; j < W1.Length; j++)
            {
                if (cost[i, j] - min <= PlateauHeight * range) continue;
                var (g1, g2) = Gradient(Net, criterion, W1[j], W2[i]);
                if (Math.Sqrt(g1 * g1 + g2 * g2) < slope) plateau++;
            }
        return plateau / (double)(W1.Length * W2.Length);
    }

    private static double Sigmoid(double a) => a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a));

    private static double Softplus(double a) => a > 0 ? a + Math.Log(1 + Math.Exp(-a)) : Math.Log(1 + Math.Exp(a));

    private static double Square(double v) => v * v;
}
