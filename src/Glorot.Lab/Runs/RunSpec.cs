using System.Text.Json.Serialization;
using Glorot.Data;
using Glorot.Nn;

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

    /// <summary>How pixels become inputs (<see cref="PixelScalingNames"/>): "zero-one" (v/255, Glorot's DeepANN config; the
    /// default), "minus-one-one" (2v/255 − 1) or "standardize". The paper states none.</summary>
    public PixelScaling InputScaling { get; init; } = PixelScaling.ZeroOne;

    /// <summary>Hidden-layer widths. Default five layers of 1000 (the paper's deepest network).</summary>
    public int[] Hidden { get; init; } = [1000, 1000, 1000, 1000, 1000];

    /// <summary>Hidden activation (<see cref="Glorot.Activation.Parse"/>): "tanh" (default), "sigmoid", "softsign", …</summary>
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>Initializer scheme of the hidden layers (<see cref="RunInit.Parse"/>): "standard" =
    /// U[±1/√fan_in] (paper eq. 1, the default), "xavier-uniform" = the paper's normalized init (eq. 16), "lsuv", …</summary>
    public RunInit Init { get; init; } = RunInit.Standard;

    /// <summary>The options of <see cref="Init"/> (<see cref="InitGain"/>, <see cref="InitNonlinearity"/>).</summary>
    public Glorot.Init.InitOptions InitOptions() => new() { Gain = InitGain, Nonlinearity = InitNonlinearity };

    /// <summary>Gain of the hidden layers' scheme (schemes that take one, e.g. "xavier-uniform"); null = the scheme's default.</summary>
    public double? InitGain { get; init; }

    /// <summary>Nonlinearity whose recommended gain the hidden layers' scheme uses (e.g. "tanh"); null = none.</summary>
    public string? InitNonlinearity { get; init; }

    /// <summary>init "lsuv" (Mishkin &amp; Matas 2016): examples in the batch, the first of the training split; null = 500.
    /// Written only when set, so specs of other schemes keep their bytes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? LsuvBatch { get; init; }

    /// <summary>init "lsuv": Tol_var, stop once |Var − 1| is below it; null = 0.1 (the paper's).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LsuvTolerance { get; init; }

    /// <summary>init "lsuv": T_max, rescalings per layer at most; null = 10 (the paper's).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? LsuvIterations { get; init; }

    /// <summary>The LSUV settings of the spec, defaults filled in.</summary>
    public Glorot.Nn.LsuvOptions LsuvOptions() => new(LsuvBatch ?? 500, LsuvTolerance ?? 0.1, LsuvIterations ?? 10);

    /// <summary>Initializer of the softmax layer; null = the same as <see cref="Init"/>. The paper does not say
    /// (docs/LAB.md, "The networks", says why the suite uses the normalized one).</summary>
    public RunInit? OutputInit { get; init; }

    /// <summary>SGD learning rate ε (the base rate of <see cref="LrSchedule"/>). Default 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    // The optimizer settings below default to the paper's plain SGD and are written to spec.json only when set, so a
    // spec without them serializes (and digests) exactly as before they existed.

    /// <summary>Momentum μ in [0, 1) (torch.optim.SGD's momentum, dampening 0). Default 0: plain SGD, as the paper.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double Momentum { get; init; }

    /// <summary>Nesterov momentum (torch.optim.SGD(nesterov=True)); needs momentum &gt; 0. Default false.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Nesterov { get; init; }

    /// <summary>L2 weight decay λ added to every parameter's gradient (weights and biases, as PyTorch). Default 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double WeightDecay { get; init; }

    /// <summary>Rescale the whole gradient to at most this global L2 norm (torch.nn.utils.clip_grad_norm_). Default none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double? ClipGlobalNorm { get; init; }

    /// <summary>Clamp every gradient component to [−c, c] (torch.nn.utils.clip_grad_value_). Default none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double? ClipValue { get; init; }

    /// <summary>
    /// Learning rate of update t (0-based), per update: "constant" (null, the default), "step" (ε·γ^⌊t/k⌋ with
    /// <see cref="LrStepEvery"/> = k and <see cref="LrGamma"/> = γ, torch's StepLR) or "cosine"
    /// (ε_min + (ε − ε_min)(1 + cos(πt/T))/2 with T = <see cref="LrCosineUpdates"/> and ε_min = <see cref="LrMin"/>,
    /// torch's CosineAnnealingLR).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? LrSchedule { get; init; }

    /// <summary>"step": updates between decays (k). Required by the step schedule.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long? LrStepEvery { get; init; }

    /// <summary>"step": the decay factor γ in (0, 1]. Default 0.1 (torch's StepLR).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double? LrGamma { get; init; }

    /// <summary>"cosine": the period T in updates. Default <see cref="Updates"/>; give it to be able to extend the run
    /// on resume without changing the rates it has used.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long? LrCosineUpdates { get; init; }

    /// <summary>"cosine": the smallest rate ε_min. Default 0 (torch's eta_min).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double? LrMin { get; init; }

    /// <summary>The learning-rate schedule these settings give (<see cref="LearningRateSchedule"/>).</summary>
    /// <exception cref="ArgumentException">An unknown schedule, or a setting the schedule does not take.</exception>
    public LearningRateSchedule Schedule()
    {
        void Unused(string schedule, params (string Key, object? Value)[] settings)
        {
            foreach (var (key, value) in settings)
                if (value is not null) throw new ArgumentException($"{key} does not apply to lr_schedule {schedule}; remove it.");
        }
        switch (LrSchedule)
        {
            case null or "constant":
                Unused("constant", ("lr_step_every", LrStepEvery), ("lr_gamma", LrGamma), ("lr_cosine_updates", LrCosineUpdates), ("lr_min", LrMin));
                return LearningRateSchedule.Constant;
            case "step":
                Unused("step", ("lr_cosine_updates", LrCosineUpdates), ("lr_min", LrMin));
                return LearningRateSchedule.Step(LrStepEvery ?? throw new ArgumentException("lr_schedule step needs lr_step_every (updates between decays)."), LrGamma ?? 0.1);
            case "cosine":
                Unused("cosine", ("lr_step_every", LrStepEvery), ("lr_gamma", LrGamma));
                return LearningRateSchedule.Cosine(LrCosineUpdates ?? Updates, LrMin ?? 0);
            default:
                throw new ArgumentException($"lr_schedule '{LrSchedule}' is unknown; use constant, step or cosine.");
        }
    }

    /// <summary>The optimizer these settings give (<see cref="SgdOptions"/>, unvalidated).</summary>
    public SgdOptions Optimizer() => new()
    {
        LearningRate = (float)LearningRate,
        Momentum = (float)Momentum,
        Nesterov = Nesterov,
        WeightDecay = (float)WeightDecay,
        ClipGlobalNorm = (float?)ClipGlobalNorm,
        ClipValue = (float?)ClipValue,
        Schedule = Schedule(),
    };

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
