using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>One network of the paper's Shapeset experiments and what the paper reports for it.</summary>
/// <param name="Spec">The run.</param>
/// <param name="Label">The paper's name for it (Table 1, Fig. 11).</param>
/// <param name="PaperTestError">Table 1's Shapeset test error in %, or null when the paper has no row for it.</param>
/// <param name="PaperFigure11Error">The end point of its Fig. 11 curve in % (read off the plot, glorot2010.md §4).</param>
public sealed record SuiteRun(RunSpec Spec, string Label, double? PaperTestError, double? PaperFigure11Error);

/// <summary>
/// The configurations of Glorot &amp; Bengio (2010) on Shapeset-3×2 (reference/glorot2010.md §2–4): sigmoid with 4
/// hidden layers and standard initialization; tanh and softsign with 5 hidden layers, standard (eq. 1) and
/// normalized (eq. 16) initialization; 1000 units per layer, minibatches of 10, biases 0, plain SGD.
/// </summary>
/// <remarks>
/// Choices the paper leaves open (glorot2010.md §8), made once here:
/// learning rates (the paper tuned them after 5 M updates and gives none): 0.1 for sigmoid (its slope at 0 is 1/4,
/// so gradients are 4× smaller than tanh's) and 0.01 for tanh and softsign; the softmax layer uses the normalized
/// init in every network (Glorot's DeepANN code does; it also fits Fig. 7 better, §4 notes); inputs are scaled to
/// [0, 1] (DeepANN's Shapeset config); the fixed validation and test sets are this project's Shapeset splits.
/// </remarks>
public static class Glorot2010Suite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string Name = "glorot2010";

    /// <summary>The runs of the suite in <paramref name="profile"/>, all with seed <paramref name="seed"/>.</summary>
    public static IReadOnlyList<SuiteRun> Runs(SuiteProfile profile, ulong seed = 1)
    {
        var scale = Scale.Of(profile);
        SuiteRun Make(string name, string label, string activation, string init, int depth, double rate, double? table1, double? fig11, double updatesFactor = 1, int jacobian = 0) =>
            new(new RunSpec
            {
                Name = name,
                Dataset = "shapeset",
                InputScaling = "zero-one",
                Hidden = [.. Enumerable.Repeat(scale.Width, depth)],
                Activation = activation,
                Init = init,
                OutputInit = "xavier-uniform",
                LearningRate = rate,
                BatchSize = 10,
                Updates = (long)Math.Round(scale.Updates * updatesFactor),
                EvaluateEvery = scale.EvaluateEvery,
                EvaluationExamples = scale.EvaluationExamples,
                ProbeEvery = scale.ProbeEvery,
                ProbeExamples = scale.ProbeExamples,
                HistogramBins = 100,
                JacobianExamples = jacobian,
                CheckpointEvery = scale.CheckpointEvery,
                Seed = seed,
            }, label, table1, fig11);

        var runs = new List<SuiteRun>
        {
            // Fig. 2 spans 140 epochs of 20k updates (2.8 M); the other figures ≈ 95–125 epochs.
            Make("sigmoid", "Sigmoid depth 4", "sigmoid", "standard", 4, 0.1, null, 35, profile == SuiteProfile.Full ? 2.8 / 2.5 : 1),
            Make("tanh", "Tanh", "tanh", "standard", 5, 0.01, 27.15, 27.5, jacobian: scale.JacobianExamples),
            Make("tanh-n", "Tanh N", "tanh", "xavier-uniform", 5, 0.01, 15.60, 16, jacobian: scale.JacobianExamples),
            Make("softsign", "Softsign", "softsign", "standard", 5, 0.01, 16.27, 17),
            Make("softsign-n", "Softsign N", "softsign", "xavier-uniform", 5, 0.01, 16.06, 16.75),
        };
        // Table 1's sigmoid row (5 layers, ≈ chance); only the full profile spends time on a network that never learns.
        if (profile == SuiteProfile.Full)
            runs.Add(Make("sigmoid-5", "Sigmoid (depth 5)", "sigmoid", "standard", 5, 0.1, 82.61, 83.5));
        return runs;
    }

    /// <summary>What a profile changes from the paper's protocol, one line each (shown in the report).</summary>
    public static IReadOnlyList<string> Differences(SuiteProfile profile)
    {
        var s = Scale.Of(profile);
        var lines = new List<string>();
        if (profile != SuiteProfile.Full)
            lines.Add($"{s.Updates:N0} updates per network ({s.Updates * 10:N0} examples) instead of 2.5 M (25 M examples): only the start of training.");
        if (s.Width != 1000) lines.Add($"{s.Width} units per hidden layer instead of 1000.");
        lines.Add($"Validation and test error on the first {s.EvaluationExamples:N0} examples of fixed Shapeset splits, every {s.EvaluateEvery:N0} updates (the paper gives no set sizes).");
        lines.Add($"Probes on {s.ProbeExamples} fixed test examples every {s.ProbeEvery:N0} updates (the paper: 300 examples; its figures have a point per 20k updates).");
        if (profile != SuiteProfile.Full) lines.Add("No 5-layer sigmoid network (Table 1's sigmoid row is ≈ chance, 82.61 %): it would only cost time.");
        lines.Add("Learning rates not tuned on a grid after 5 M updates: 0.1 (sigmoid), 0.01 (tanh, softsign).");
        lines.Add("No pre-trained (denoising auto-encoder) network of Fig. 11, no second-order variants.");
        lines.Add("Shapeset-3×2 only: Table 1's MNIST, CIFAR-10 and Small-ImageNet columns need data files (Small-ImageNet is not public); `glorot train` runs a spec with dataset mnist or cifar10.");
        return lines;
    }

    /// <summary>Paper-wide facts shown in the report beside the measurements.</summary>
    public static string PaperCitation =>
        "X. Glorot, Y. Bengio, \"Understanding the difficulty of training deep feedforward neural networks\", AISTATS 2010, JMLR W&CP 9:249–256.";

    internal sealed record Scale(int Width, long Updates, long EvaluateEvery, int EvaluationExamples, long ProbeEvery, int ProbeExamples, long CheckpointEvery, int JacobianExamples)
    {
        public static Scale Of(SuiteProfile profile) => profile switch
        {
            // Quick: ≈ 5 × 5k updates of the 1000-unit networks fit in about 4 minutes on 2 loaded cores (docs/BENCHMARKS.md).
            SuiteProfile.Quick => new(1000, 5_000, 500, 1_000, 1_000, 300, 2_500, 2),
            SuiteProfile.Full => new(1000, 2_500_000, 20_000, 10_000, 20_000, 300, 20_000, 10),
            _ => new(24, 40, 20, 60, 20, 30, 20, 1),
        };
    }
}
