using Glorot.Init;
using Glorot.Nn;
using Glorot.Random;
using Glorot.Theory;
using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Lab.Experiments;

/// <summary>What one deep random network does to a signal: per hidden layer, measured and predicted.</summary>
/// <param name="Activation">Hidden activation.</param>
/// <param name="Gain">n·Var(W) of every layer.</param>
/// <param name="ActivationStd">Measured std of each hidden layer's output z (over examples and units), layer 1 first.</param>
/// <param name="PredictedActivationStd">Its prediction (<see cref="NetworkTheory"/>: eq. 5 with the activation's q-map).</param>
/// <param name="GradientStd">Measured root mean square of the per-example ∂C/∂s of each hidden layer.</param>
/// <param name="PredictedGradientStd">Its prediction (eq. 6 with E[φ′²] per layer, from the measured output-layer gradient).</param>
/// <param name="SingularValues">Singular values of the input-to-top-layer Jacobian ∏ diag(φ′(s_l))·W_l for the first example, descending.</param>
/// <param name="PredictedMeanSquaredSingularValue">∏_l n·Var(W)·E[φ′(s_l)²]: the mean of σ² that eq. 5–6 predict for that product.</param>
internal sealed record SignalTrace(string Activation, double Gain, double[] ActivationStd, double[] PredictedActivationStd, double[] GradientStd,
    double[] PredictedGradientStd, double[] SingularValues, double PredictedMeanSquaredSingularValue)
{
    /// <summary>Mean of σ² over the product's singular values (= ‖J‖_F²/n).</summary>
    public double MeanSquaredSingularValue => SingularValues.Average(s => s * s);
}

/// <summary>
/// Signal and gradient through a deep random MLP of constant width n at n·Var(W) = g (Glorot &amp; Bengio 2010 eqs. 5–6:
/// Var[z^L] = Var[x]·∏ n·Var(W), Var[∂C/∂s^l] = Var[∂C/∂s^top]·∏ n·Var(W); the activation enters by its q-map),
/// on Gaussian inputs, with the end-to-end Jacobian's singular values.
/// </summary>
internal static class SignalPropagation
{
    /// <summary>Philox stream of the inputs: far above the weights' streams (one per layer).</summary>
    public const ulong InputStream = 1 << 20;

    /// <summary>Classes of the softmax layer on top (the labels are example index mod classes).</summary>
    public const int Classes = 10;

    /// <summary>
    /// Builds a network of <paramref name="depth"/> hidden layers of <paramref name="width"/> with weights N(0, g/n), runs
    /// <paramref name="examples"/> N(0, 1) inputs forward and back, and measures every hidden layer.
    /// </summary>
    public static SignalTrace Measure(Activation activation, double gain, int width, int depth, int examples, ulong seed)
    {
        if (!(gain > 0)) throw new ArgumentException($"n·Var(W) = {gain}; give a positive number.");
        int[] widths = [width, .. Enumerable.Repeat(width, depth), Classes];
        var init = Schemes.Create("normal", new InitOptions { Std = Math.Sqrt(gain / width) });
        var mlp = new Mlp(widths, activation, WeightFills.From(init), seed);
        var inputs = new float[examples * width];
        RandomFill.Normal(inputs, 0, 1, seed, InputStream);
        var labels = Enumerable.Range(0, examples).Select(i => i % Classes).ToArray();
        var pass = new NetworkPass(mlp, examples);
        pass.ComputeGradients(inputs, labels);

        var activationStd = new double[depth];
        var gradientStd = new double[depth];
        for (int l = 0; l < depth; l++)
        {
            activationStd[l] = Std(pass.Outputs(l));
            gradientStd[l] = RootMeanSquare(pass.PreActivationGradients(l));
        }
        double outputGradient = Math.Pow(RootMeanSquare(pass.PreActivationGradients(depth)), 2);
        double inputMoment = Math.Pow(RootMeanSquare(inputs), 2);
        var prediction = NetworkTheory.Predict(widths, NetworkTheory.WeightVariances(init, widths), activation, inputMoment, outputGradient);
        double predictedMeanSquare = prediction.Aggregate(1.0, (p, layer) => p * gain * layer.SlopeSquared);
        return new SignalTrace(activation.Name, gain, activationStd, [.. prediction.Select(p => p.ActivationStd)], gradientStd,
            [.. prediction.Select(p => p.BackpropStd)], ProductSingularValues(mlp, pass, depth), predictedMeanSquare);
    }

    // J = ∏_{l=depth−1…0} diag(φ′(s_l))·W_l for example 0, accumulated in double from the bottom, then its SVD.
    private static double[] ProductSingularValues(Mlp mlp, NetworkPass pass, int depth)
    {
        int n = mlp.Widths[0];
        var product = Matrix<double>.Build.DenseIdentity(n);
        var f = mlp.HiddenActivation;
        for (int l = 0; l < depth; l++)
        {
            int rows = mlp.FanOut(l), cols = mlp.FanIn(l);
            float[] w = mlp.CopyWeight(l);
            float[] s = pass.PreActivations(l)[..rows].ToArray(); // example 0: the first row of (examples × rows)
            var layer = Matrix<double>.Build.Dense(rows, cols, (i, j) => f.Derivative(s[i]) * w[i * cols + j]);
            product = layer * product;
        }
        return product.Svd(computeVectors: false).S.ToArray();
    }

    private static double Std(ReadOnlySpan<float> values)
    {
        double sum = 0, square = 0;
        foreach (float v in values) { sum += v; square += (double)v * v; }
        double mean = sum / values.Length;
        return Math.Sqrt(Math.Max(square / values.Length - mean * mean, 0));
    }

    private static double RootMeanSquare(ReadOnlySpan<float> values)
    {
        double square = 0;
        foreach (float v in values) square += (double)v * v;
        return Math.Sqrt(square / values.Length);
    }
}
