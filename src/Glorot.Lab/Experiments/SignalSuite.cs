using System.Globalization;
using Glorot.Lab.Claims;
using Glorot.Lab.Figures;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Experiments;

/// <summary>
/// Small and large initialization: signal and gradient std through 50 layers as a function of n·Var(W) for linear, tanh
/// and ReLU networks, measured beside eqs. 5–6 (with each activation's q-map), and the singular values of the
/// layer-to-layer product. A direct loop over random networks (one forward and backward pass each), not run specs.
/// </summary>
internal sealed class SignalSuite : IExperimentSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string SuiteName = "signal";

    /// <summary>The values of n·Var(W) measured, for every activation.</summary>
    public static IReadOnlyList<double> Gains { get; } = [0.5, 0.8, 1, 1.25, 2, 3];

    /// <summary>The activations measured, with the n·Var(W) at which eq. 5 preserves the signal (1, or 2 for ReLU's E[relu(s)²] = q/2).</summary>
    public static IReadOnlyList<(string Name, double Critical)> Activations { get; } = [("identity", 1), ("tanh", 1), ("relu", 2)];

    /// <inheritdoc/>
    public string Name => SuiteName;

    /// <inheritdoc/>
    public string Title => "Signal propagation: vanishing, preserved and exploding signals through 50 layers";

    /// <inheritdoc/>
    public string Summary =>
        "The source texts: with small initial weights the signal and the gradient shrink layer after layer (vanishing), with large ones " +
        "they grow (exploding); n·Var(W) = 1 keeps them (Glorot & Bengio 2010 eqs. 5–6; 2 for ReLU, He et al. 2015). Measured on random " +
        "50-layer networks for linear, tanh and ReLU units beside the library's prediction, with the singular values of the end-to-end " +
        "Jacobian: expansion where they exceed 1, shrinkage below.";

    /// <inheritdoc/>
    public IReadOnlyList<ExperimentProfile> Profiles { get; } =
        [new(SuiteProfile.Quick, "18 random networks (linear, tanh, relu × n·Var(W) ∈ {0.5, 0.8, 1, 1.25, 2, 3}), 50 layers of 256, 100 Gaussian inputs, one SVD each", 45)];

    /// <inheritdoc/>
    public ExperimentFindings Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool tiny = context.Profile == SuiteProfile.Tiny;
        int width = tiny ? 64 : 256, depth = tiny ? 16 : 50, examples = tiny ? 40 : 100;
        var traces = new List<SignalTrace>();
        foreach (var (name, _) in Activations)
            foreach (double gain in Gains)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                traces.Add(SignalPropagation.Measure(Activation.Parse(name), gain, width, depth, examples, context.Seed));
                context.Progress(string.Create(CultureInfo.InvariantCulture, $"{name}, n·Var(W) = {gain}"));
            }
        var figures = new List<FigureFile>
        {
            SignalFigures.DepthRatio(context.FiguresDirectory, traces, gradient: false),
            SignalFigures.DepthRatio(context.FiguresDirectory, traces, gradient: true),
        };
        foreach (var (name, _) in Activations)
        {
            figures.Add(SignalFigures.Profile(context.FiguresDirectory, traces, name, gradient: false));
            figures.Add(SignalFigures.Profile(context.FiguresDirectory, traces, name, gradient: true));
        }
        foreach (var (name, critical) in Activations) figures.Add(SignalFigures.SingularValues(context.FiguresDirectory, traces, name, critical));
        return new ExperimentFindings(
            [
                $"Networks of {depth} hidden layers of n = {width} units and a 10-way softmax on top; every weight N(0, g/n) for g = n·Var(W) in {{{string.Join(", ", Gains.Select(g => g.ToString(CultureInfo.InvariantCulture)))}}}, biases 0 (seed {context.Seed}; layer l's weights from Philox stream l). Inputs: {examples} examples of N(0, 1) per coordinate (stream {SignalPropagation.InputStream}); labels: example index mod 10.",
                "Measured per hidden layer: the std of its output z over examples and units, and the root mean square of the per-example back-propagated gradient ∂C/∂s (one forward and backward pass, no update).",
                "Predicted (Glorot.Theory.NetworkTheory): eq. 5's product n·Var(W) per layer with the activation's q-map (for linear units exactly eq. 5), and eq. 6's backward product with E[φ′(s)²] per layer, started from the measured output-layer gradient. The Jacobian of the top hidden layer with respect to the input, J = ∏ diag(φ′(s_l))·W_l, is formed for the first example in double precision and decomposed (MathNet SVD); eq. 5–6 predict its mean squared singular value ∏ g·E[φ′²].",
                $"Tolerance of the comparisons: the per-layer factor ‖W z‖²/(n·Var(W)‖z‖²) of a random Gaussian W has relative std √(2/n), so over L layers ln(std) wanders by about √(L/(2n)); the claims accept |ln(measured/predicted)| ≤ 3√(L/(2n)) = {SignalClaims.LogTolerance(width, depth):F2} (a factor {Math.Exp(SignalClaims.LogTolerance(width, depth)):F2}).",
                "A direct loop (no run directories): each network is one forward and backward pass, seconds in all.",
            ],
            SignalClaims.Evaluate(traces, width, depth), figures, []);
    }
}
