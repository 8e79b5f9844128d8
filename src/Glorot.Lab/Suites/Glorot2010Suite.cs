using Glorot.Data;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>One network of the paper's Shapeset experiments and what the paper reports for it.</summary>
/// <param name="Spec">The run.</param>
/// <param name="Label">The paper's name for it (Table 1, Fig. 11).</param>
/// <param name="PaperTestError">Table 1's test error in % on the suite's data set (Shapeset, MNIST or CIFAR-10 column), or null
/// when the paper has no value for it (no row, or Fashion-MNIST).</param>
/// <param name="PaperFigure11Error">The end point of its Fig. 11 curve (Shapeset) or Fig. 12 curve (MNIST, CIFAR-10) in % (read off
/// the plot, so approximate).</param>
public sealed record SuiteRun(RunSpec Spec, string Label, double? PaperTestError, double? PaperFigure11Error)
{
    /// <summary>
    /// The learning rates to choose from on validation error (<see cref="LearningRateSelection"/>); empty: train
    /// with <see cref="RunSpec.LearningRate"/> and choose nothing.
    /// </summary>
    public IReadOnlyList<double> LearningRates { get; init; } = [];
}

/// <summary>
/// The configurations of Glorot &amp; Bengio (2010) on Shapeset-3×2 (the paper's §2–4, Table 1 and Fig. 11): sigmoid
/// with 4 hidden layers and standard initialization; tanh and softsign with 5 hidden layers, standard (eq. 1) and
/// normalized (eq. 16) initialization; 1000 units per layer, minibatches of 10, biases 0, plain SGD.
/// </summary>
/// <remarks>
/// Choices the paper leaves open (docs/LAB.md, "The networks"), made once here:
/// learning rates (the paper tuned them after 5 M updates and gives none): 0.1 for sigmoid (its slope at 0 is 1/4,
/// so gradients are 4× smaller than tanh's) and 0.01 for tanh and softsign; the softmax layer uses the normalized
/// init in every network (Glorot's DeepANN code does; it also fits Fig. 7 better, §4 notes); inputs are scaled to
/// [0, 1] (DeepANN's Shapeset config); the fixed validation and test sets are this project's Shapeset splits.
/// <see cref="SuiteOptions.Dataset"/> trains the same networks on MNIST or CIFAR-10 (Table 1's other columns, Fig. 12),
/// or on Fashion-MNIST as a stand-in: the input layer and the softmax take the data set's sizes, the rest is unchanged.
/// </remarks>
public static class Glorot2010Suite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "glorot2010";

    /// <summary>
    /// The runs of the suite in <paramref name="profile"/>, all with seed <paramref name="seed"/>; <paramref name="width"/>
    /// replaces the profile's hidden width when given.
    /// </summary>
    public static IReadOnlyList<SuiteRun> Runs(SuiteProfile profile, ulong seed = 1, int? width = null) =>
        Runs(new SuiteOptions { Profile = profile, Seed = seed, Width = width });

    /// <summary>
    /// The networks of the suite as <paramref name="options"/> set them (profile, first seed, width, learning-rate
    /// grid); <see cref="SuitePlan"/> expands them into seeds and learning-rate candidates.
    /// </summary>
    public static IReadOnlyList<SuiteRun> Runs(SuiteOptions options)
    {
        var (profile, seed, width) = (options.Profile, options.Seed, options.Width);
        IReadOnlyList<SuiteRun> runs = Networks(profile, seed, width, options.Dataset);
        if (options.LearningRates is { } grid)
        {
            LearningRateGrid.Validate(grid);
            runs = [.. runs.Select(r => grid.Count == 1 ? r with { Spec = r.Spec with { LearningRate = grid[0] }, LearningRates = [] } : r with { LearningRates = grid })];
        }
        return runs;
    }

    private static List<SuiteRun> Networks(SuiteProfile profile, ulong seed, int? width, SuiteDataset data)
    {
        var scale = Scale.Of(profile, width);
        // On MNIST and CIFAR-10 the paper's values are Table 1's column and Fig. 12's curve ends; Fashion-MNIST has none.
        SuiteRun Make(string name, string label, string activation, string init, int depth, double rate, double? table1, double? fig11, double updatesFactor = 1, int jacobian = 0) =>
            new(new RunSpec
            {
                Name = name,
                Dataset = data.Name,
                DataPath = data.Path,
                InputScaling = PixelScaling.ZeroOne,
                Hidden = [.. Enumerable.Repeat(scale.Width, depth)],
                Activation = Activation.Parse(activation),
                Init = RunInit.Parse(init),
                OutputInit = RunInit.XavierUniform,
                LearningRate = rate,
                BatchSize = 10,
                Updates = name == "tanh" && scale.TanhUpdates is { } tanhUpdates ? tanhUpdates : (long)Math.Round(scale.Updates * updatesFactor),
                EvaluateEvery = scale.EvaluateEvery,
                EvaluationExamples = scale.EvaluationExamples,
                ProbeEvery = scale.ProbeEvery,
                ProbeExamples = scale.ProbeExamples,
                HistogramBins = 100,
                JacobianExamples = jacobian,
                CheckpointEvery = scale.CheckpointEvery,
                Seed = seed,
            }, label, data.IsShapeset ? table1 : data.PaperColumn is { } column ? PaperTestErrors.Table1(column, name) : null,
                data.IsShapeset ? fig11 : data.PaperColumn is { } panel ? PaperTestErrors.Figure12(panel, name) : null)
            { LearningRates = scale.Grid(activation) };

        var runs = new List<SuiteRun>
        {
            // Fig. 2 spans 140 epochs of 20k updates (2.8 M); the other figures ≈ 95–125 epochs.
            Make("sigmoid", "Sigmoid depth 4", "sigmoid", "standard", 4, 0.1, null, 35, profile == SuiteProfile.Full ? 2.8 / 2.5 : 1),
            Make("tanh", "Tanh", "tanh", "standard", 5, 0.01, 27.15, 27.5, jacobian: scale.JacobianExamples),
            Make("tanh-n", "Tanh N", "tanh", "xavier-uniform", 5, 0.01, 15.60, 16, jacobian: scale.JacobianExamples),
            Make("softsign", "Softsign", "softsign", "standard", 5, 0.01, 16.27, 17),
            Make("softsign-n", "Softsign N", "softsign", "xavier-uniform", 5, 0.01, 16.06, 16.75),
        };
        // Table 1's sigmoid row (5 layers, ≈ chance); only the full and narrow profiles spend time on a network that never learns.
        if (profile is SuiteProfile.Full or SuiteProfile.Narrow)
            runs.Add(Make("sigmoid-5", "Sigmoid (depth 5)", "sigmoid", "standard", 5, 0.1, 82.61, 83.5));
        return runs;
    }

    /// <summary>What a profile changes from the paper's protocol, one line each (shown in the report).</summary>
    public static IReadOnlyList<string> Differences(SuiteProfile profile) => Differences(new SuiteOptions { Profile = profile });

    /// <summary>What a suite run with <paramref name="options"/> changes from the paper's protocol, one line each.</summary>
    public static IReadOnlyList<string> Differences(SuiteOptions options)
    {
        var profile = options.Profile;
        var s = Scale.Of(profile, options.Width);
        var runs = Runs(options);
        var lines = new List<string>();
        if (profile is not (SuiteProfile.Full or SuiteProfile.Narrow))
            lines.Add($"{s.Updates:N0} updates per network ({s.Updates * 10:N0} examples) instead of 2.5 M (25 M examples)" +
                (s.TanhUpdates is { } t ? $", {t:N0} for standard-init tanh (Fig. 3's saturation sequence)" : "") + ": only the start of training.");
        if (s.Width != 1000) lines.Add($"{s.Width} units per hidden layer instead of 1000.");
        var data = options.Dataset;
        lines.Add(data.IsShapeset
            ? $"Validation and test error on the first {s.EvaluationExamples:N0} examples of fixed Shapeset splits, every {s.EvaluateEvery:N0} updates (the paper gives no set sizes)."
            : $"Validation and test error on the first {s.EvaluationExamples:N0} examples of {data.Title}'s validation split (the last 10,000 training images, as the paper's " +
              $"§2.2 split) and of its test set, every {s.EvaluateEvery:N0} updates (the paper's Table 1 uses the whole test set).");
        lines.Add($"Probes on {s.ProbeExamples} fixed test examples every {s.ProbeEvery:N0} updates (the paper: 300 examples; its figures have a point per 20k updates).");
        if (profile is not (SuiteProfile.Full or SuiteProfile.Narrow))
            lines.Add(data.IsShapeset
                ? "No 5-layer sigmoid network (Table 1's sigmoid row is ≈ chance, 82.61 %): it would only cost time."
                : "No 5-layer sigmoid network, so no row for Table 1's Sigmoid (5 hidden layers); the 4-layer sigmoid network of Fig. 2 trains instead.");
        if (runs.Any(r => r.LearningRates.Count > 1))
            lines.Add($"Learning rate chosen on validation error after {s.SelectionUpdates:N0} updates (the paper: after 5 M), from " +
                string.Join("; ", runs.GroupBy(r => GridText(r.LearningRates)).Select(g => $"{g.Key} ({string.Join(", ", g.Select(r => r.Spec.Name))})")) +
                "; the winner then trains to the end.");
        else
            lines.Add("Learning rates not tuned on a grid after 5 M updates: " +
                string.Join(", ", runs.GroupBy(r => r.Spec.LearningRate).Select(g => $"{LearningRateGrid.Format(g.Key)} ({string.Join(", ", g.Select(r => r.Spec.Name))})")) + ".");
        if (options.Seeds > 1) lines.Add($"Every network trained with {options.Seeds} seeds ({options.Seed} … {options.Seed + (ulong)options.Seeds - 1}); Table 1 and Fig. 11 give mean ± standard deviation.");
        lines.Add("No pre-trained (denoising auto-encoder) network of Fig. 11, no second-order variants.");
        lines.Add(data.Name switch
        {
            "shapeset" => "Shapeset-3×2 only: Table 1's MNIST and CIFAR-10 columns are --dataset mnist|cifar10 --path DIR; Small-ImageNet is not public.",
            "fashion-mnist" => "Fashion-MNIST is a stand-in: the paper never used it and gives no value for it; the paper's MNIST values are shown as the closest reference only.",
            _ => $"Data set {data.Title} (Table 1's {data.PaperColumn} column, Fig. 12); pixels scaled to [0, 1] (the paper states no preprocessing; Glorot's DeepANN code divides by 255).",
        });
        if (!data.IsShapeset)
            lines.Add("Figures 2–10 and the claims were measured on Shapeset-3×2 in the paper; here they are drawn on " + data.Title +
                ", so the paper's numbers beside them are Shapeset's, and claims tied to Shapeset values are not applicable.");
        return lines;
    }

    private static string GridText(IReadOnlyList<double> grid) => "{" + string.Join(", ", grid.Select(LearningRateGrid.Format)) + "}";

    /// <summary>
    /// Updates each learning-rate candidate trains before the choice (0: the profile chooses no rate): a fixed
    /// fraction of the profile's updates, a multiple of its evaluation interval so that the validation error is
    /// measured exactly there.
    /// </summary>
    public static long SelectionUpdates(SuiteProfile profile) => Scale.Of(profile, null).SelectionUpdates;

    /// <summary>Paper-wide facts shown in the report beside the measurements.</summary>
    public static string PaperCitation =>
        "X. Glorot, Y. Bengio, \"Understanding the difficulty of training deep feedforward neural networks\", AISTATS 2010, JMLR W&CP 9:249–256.";

    internal sealed record Scale(int Width, long Updates, long EvaluateEvery, int EvaluationExamples, long ProbeEvery, int ProbeExamples,
        long CheckpointEvery, int JacobianExamples, long SelectionUpdates = 0, long? TanhUpdates = null,
        IReadOnlyList<double>? SigmoidGrid = null, IReadOnlyList<double>? TanhGrid = null)
    {
        /// <summary>The rates to choose from for a network of this activation; empty: no choice.</summary>
        public IReadOnlyList<double> Grid(string activation) => (activation == "sigmoid" ? SigmoidGrid : TanhGrid) ?? [];

        public static Scale Of(SuiteProfile profile, int? width)
        {
            var scale = profile switch
            {
                // Quick: ≈ 5 × 5k updates of the 1000-unit networks fit in about 4 minutes on 2 loaded cores (docs/BENCHMARKS.md).
                SuiteProfile.Quick => new Scale(1000, 5_000, 500, 1_000, 1_000, 300, 2_500, 2, SelectionUpdates: 1_000),
                SuiteProfile.Full => new Scale(1000, 2_500_000, 20_000, 10_000, 20_000, 300, 20_000, 10, SelectionUpdates: 250_000),
                // Medium (docs/LAB.md "Profiles" has the time budget): 8 paper epochs per network, 25 for standard tanh;
                // the rate is chosen after one of the 8 epochs (1/8 of the updates) from the quick rate and a
                // half-decade either side.
                SuiteProfile.Medium => new Scale(1000, 160_000, 10_000, 5_000, 2_000, 300, 20_000, 2, SelectionUpdates: 20_000,
                    TanhUpdates: 500_000, SigmoidGrid: [0.0316, 0.1, 0.316], TanhGrid: [0.00316, 0.01, 0.0316]),
                // Narrow: the paper's 2.5 M updates at width 128 (docs/LAB.md "Profiles"): the rate is chosen after
                // 1/10 of them from the half-decades 10⁻³ … 1 (sigmoid: 10⁻² … 1, its slope at 0 is a quarter of tanh's).
                SuiteProfile.Narrow => new Scale(128, 2_500_000, 10_000, 5_000, 20_000, 300, 100_000, 2, SelectionUpdates: 250_000,
                    SigmoidGrid: LearningRateGrid.HalfDecades(1e-2, 1), TanhGrid: LearningRateGrid.HalfDecades(1e-3, 1)),
                _ => new Scale(24, 40, 20, 60, 20, 30, 20, 1, SelectionUpdates: 20),
            };
            if (width is { } w)
            {
                if (w is < 1 or > 4096) throw new ArgumentException($"--width {w} is out of range; give a hidden width from 1 to 4096.");
                scale = scale with { Width = w };
            }
            return scale;
        }
    }
}
