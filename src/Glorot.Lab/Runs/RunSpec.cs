namespace Glorot.Lab.Runs;

/// <summary>
/// Everything that defines one training run, as a JSON file (snake_case keys, comments allowed). The defaults
/// are the paper's protocol where it gives one (Glorot &amp; Bengio 2010 §2.3); the rest are
/// this project's choices, said next to each property. The resolved spec is saved as <c>spec.json</c> in the
/// run directory, so a run can always be repeated.
/// </summary>
public sealed record RunSpec
{
    /// <summary>Short name of the run, used for its directory and in figures ("tanh-n"). Default "run".</summary>
    public string Name { get; init; } = "run";

    /// <summary>Data set (<see cref="Glorot.Data.DatasetCatalog.Names"/>). Default "shapeset" (Shapeset-3×2, endless training stream).</summary>
    public string Dataset { get; init; } = "shapeset";

    /// <summary>Directory of the data files (MNIST, CIFAR-10); null for Shapeset.</summary>
    public string? DataPath { get; init; }

    /// <summary>How pixels become inputs: "zero-one" (v/255, Glorot's DeepANN config; the default),
    /// "minus-one-one" (2v/255 − 1) or "standardize". The paper states none.</summary>
    public string InputScaling { get; init; } = "zero-one";

    /// <summary>Hidden-layer widths. Default five layers of 1000 (the paper's deepest network).</summary>
    public int[] Hidden { get; init; } = [1000, 1000, 1000, 1000, 1000];

    /// <summary>Hidden activation (<see cref="Activation.Parse"/>): "tanh" (default), "sigmoid", "softsign", …</summary>
    public string Activation { get; init; } = "tanh";

    /// <summary>Initializer scheme of the hidden layers (<see cref="Glorot.Init.Schemes.Create"/>): "standard" =
    /// U[±1/√fan_in] (paper eq. 1, the default), "xavier-uniform" = the paper's normalized init (eq. 16), …</summary>
    public string Init { get; init; } = "standard";

    /// <summary>The options of <see cref="Init"/> (<see cref="InitGain"/>, <see cref="InitNonlinearity"/>).</summary>
    public Glorot.Init.InitOptions InitOptions() => new() { Gain = InitGain, Nonlinearity = InitNonlinearity };

    /// <summary>Gain of the hidden layers' scheme (schemes that take one, e.g. "xavier-uniform"); null = the scheme's default.</summary>
    public double? InitGain { get; init; }

    /// <summary>Nonlinearity whose recommended gain the hidden layers' scheme uses (e.g. "tanh"); null = none.</summary>
    public string? InitNonlinearity { get; init; }

    /// <summary>Initializer of the softmax layer; null = the same as <see cref="Init"/>. The paper does not say
    /// (docs/LAB.md, "The networks", says why the suite uses the normalized one).</summary>
    public string? OutputInit { get; init; }

    /// <summary>SGD learning rate ε (plain SGD, no momentum, as the paper). Default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Minibatch size. Default 10 (the paper).</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>Number of SGD updates. Default 20,000 (one of the paper's "epochs of 20k mini-batch updates").</summary>
    public long Updates { get; init; } = 20_000;

    /// <summary>Validation and test error every this many updates (and at 0 and at the end). Default 2,000.</summary>
    public long EvaluateEvery { get; init; } = 2_000;

    /// <summary>Examples of the validation and of the test split used for each evaluation (the first ones of each
    /// fixed split). Default 1,000; the paper gives no size for its Shapeset sets.</summary>
    public int EvaluationExamples { get; init; } = 1_000;

    /// <summary>Per-layer probes (activations, back-propagated gradients, weight gradients) every this many
    /// updates (and at 0 and at the end). Default 2,000.</summary>
    public long ProbeEvery { get; init; } = 2_000;

    /// <summary>Fixed test examples the probes look at. Default 300 (the paper's Figs. 2–4).</summary>
    public int ProbeExamples { get; init; } = 300;

    /// <summary>Per-example weight gradients pooled per layer and probe (the first probe examples; paper eq. 7 and
    /// Fig. 8 are per-example, docs/PROBES.md "Figures 6–9"). Default 30; 0 skips weight gradients.</summary>
    public int WeightGradientExamples { get; init; } = 30;

    /// <summary>Examples whose layer Jacobians get a full singular-value decomposition at the probe before training
    /// (paper §4.2.2: mean singular value ≈0.8 normalized, ≈0.5 standard). About a second per 1000-wide layer and
    /// example. Default 0 (off).</summary>
    public int JacobianExamples { get; init; }

    /// <summary>Histogram bins per layer and quantity. Default 100.</summary>
    public int HistogramBins { get; init; } = 100;

    /// <summary>A checkpoint (all weights, resumable) every this many updates (and at the end). Default 10,000.</summary>
    public long CheckpointEvery { get; init; } = 10_000;

    /// <summary>Seed of the initial weights and of the training data stream. Default 1.</summary>
    public ulong Seed { get; init; } = 1;
}
