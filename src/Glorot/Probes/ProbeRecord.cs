namespace Glorot.Probes;

/// <summary>
/// Everything a <see cref="NetworkProbe"/> measured at one time on the fixed probe set: plain data, written by
/// <see cref="ProbeCsv"/> and <see cref="ProbeJson"/>.
/// </summary>
/// <param name="Step">Training updates applied before the probe (0 = at initialization).</param>
/// <param name="Examples">Probe examples used.</param>
/// <param name="Loss">Mean −log P(y|x) over the probe set.</param>
/// <param name="Accuracy">Fraction of probe examples classified correctly.</param>
/// <param name="Input">The inputs x (every pixel of every probe example).</param>
/// <param name="OutputGradient">Per-example dL/ds of the output layer (softmax − one-hot): the top of eq. 6.</param>
/// <param name="Layers">One entry per hidden layer, bottom to top.</param>
public sealed record ProbeRecord(long Step, int Examples, double Loss, double Accuracy, Summary Input, Summary OutputGradient,
    IReadOnlyList<LayerProbe> Layers);

/// <summary>
/// One hidden layer at one probe time. Numbering follows the paper's figures: <see cref="Layer"/> 1 is the first
/// hidden layer (dense layer 0 of the <see cref="Nn.Mlp"/>).
/// </summary>
/// <param name="Layer">1-based hidden-layer number (paper's "Layer i").</param>
/// <param name="FanIn">Input width n_in.</param>
/// <param name="FanOut">Output width n_out.</param>
/// <param name="PreActivations">s = z_prev·Wᵀ + b over units × examples.</param>
/// <param name="Activations">z = f(s) over units × examples (Figs. 2–4, 6, 10).</param>
/// <param name="BackpropGradients">Per-example dL/ds over units × examples (Fig. 7; "the gradient on the biases").</param>
/// <param name="WeightGradients">dL/dW over every weight of <see cref="ProbeOptions.WeightGradientBatches"/> gradients (Figs. 8–9); null when skipped.</param>
/// <param name="WeightGradientBatchSize">Examples averaged per weight gradient (1 = per example).</param>
/// <param name="JacobianMeanSingularValue">Mean singular value of J = diag(f′(s))·W averaged over the examples decomposed (§4.2.2); null when off.</param>
/// <param name="JacobianExamples">Examples decomposed (0 when off).</param>
/// <param name="ActivationAbsP98">
/// 98th percentile of |z| over units × examples (exact, numpy's linear interpolation): for a symmetric activation the
/// half-width of the central 98 % interval that Figs. 3 and 10 draw as the "98 percentiles", as one number; it reaches
/// 1 when a layer saturates. NaN in records written before it existed.
/// </param>
/// <param name="WeightVariance">
/// Population variance (1/N)·Σ(w − w̄)² over the N = n_in·n_out weights W into this layer (biases excluded), at the
/// probe time (<see cref="LayerConditions.WeightVariance(Nn.Mlp, int)"/>). NaN in records written before it existed.
/// </param>
public sealed record LayerProbe(int Layer, int FanIn, int FanOut, Summary PreActivations, Summary Activations,
    Summary BackpropGradients, Summary? WeightGradients, int WeightGradientBatchSize, double? JacobianMeanSingularValue,
    int JacobianExamples, double ActivationAbsP98 = double.NaN, double WeightVariance = double.NaN)
{
    /// <summary>n_in·Var(W): Glorot &amp; Bengio's (2010) forward condition, 1 under eq. 10. Derived from <see cref="WeightVariance"/>.</summary>
    public double FanInWeightVariance => FanIn * WeightVariance;

    /// <summary>n_out·Var(W): the backward condition, 1 under eq. 11. Derived from <see cref="WeightVariance"/>.</summary>
    public double FanOutWeightVariance => FanOut * WeightVariance;
}
