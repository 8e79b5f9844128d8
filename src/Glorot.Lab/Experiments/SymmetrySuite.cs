using Glorot.Data;
using System.Globalization;
using Glorot.Init;
using Glorot.Lab.Claims;
using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Nn;
using Glorot.IO;

namespace Glorot.Lab.Experiments;

/// <summary>
/// Why weights must start random: with a constant initialization every hidden unit of a layer computes the same
/// function and receives the same gradient, so the units stay identical after any number of updates and the layer
/// is worth one unit. Measured on the texts' 2-input, 2-hidden-unit network learning XOR, and on the paper's
/// network (Glorot &amp; Bengio 2010 §2.3: tanh, 5 × 1000, Shapeset-3×2); direct training loops, not run specs.
/// </summary>
internal sealed class SymmetrySuite : IExperimentSuite
{
    /// <summary>The XOR unit-distance figure's CSV: per initialization, seed and update.</summary>
    private static readonly CsvSchema XorDistanceColumns = new("symmetry-xor-unit-distance.csv",
        new("init", CsvKind.Text), new("seed", CsvKind.Integer), new("update", CsvKind.Integer), new("max_difference", CsvKind.Number));

    /// <summary>The XOR loss figure's CSV: per network, seed and update.</summary>
    private static readonly CsvSchema XorLossColumns = new("symmetry-xor-loss.csv",
        new("network", CsvKind.Text), new("seed", CsvKind.Integer), new("update", CsvKind.Integer), new("loss", CsvKind.Number));

    /// <summary>The paper network's unit-distance figure's CSV: per initialization, check and layer.</summary>
    private static readonly CsvSchema PaperDistanceColumns = new("symmetry-paper-network-unit-distance.csv",
        new("init", CsvKind.Text), new("update", CsvKind.Integer), new("layer", CsvKind.Integer), new("max_difference", CsvKind.Number));

    /// <summary>The suite's name on the command line.</summary>
    public const string SuiteName = "symmetry";

    /// <inheritdoc/>
    public string Name => SuiteName;

    /// <inheritdoc/>
    public string Title => "Symmetry breaking: constant vs random initialization";

    /// <inheritdoc/>
    public string Summary =>
        "The source texts: if every weight starts at the same value, every hidden unit of a layer computes the same output and gets " +
        "the same gradient, so the units never become different and the network learns no more than one unit per layer would; random " +
        "initialization breaks the symmetry. Checked exactly (difference 0 in floating point) on the texts' 2-2-1 XOR network and on " +
        "the paper's tanh network (Glorot & Bengio 2010, §2.3).";

    /// <inheritdoc/>
    public IReadOnlyList<ExperimentProfile> Profiles { get; } =
        [new(SuiteProfile.Quick, "XOR 2-2-1 for 2,000 full-batch updates (constant, 5 random seeds, 1-unit network); tanh 5 × 1000 on Shapeset for 500 updates, constant vs standard init", 35)];

    // The XOR truth table, inputs in {0, 1}.
    private static readonly float[] XorInputs = [0, 0, 0, 1, 1, 0, 1, 1];
    private static readonly int[] XorLabels = [0, 1, 1, 0];
    private const int RandomSeeds = 5;

    /// <summary>The constant of the paper-network case: small enough that 1000 inputs of tanh ≤ 1 keep s = O(1) above layer 1.</summary>
    public const double PaperNetworkConstant = 0.001;

    /// <summary>The XOR network's constant initial weight (every weight of both layers).</summary>
    public const double XorConstant = 0.5;

    /// <inheritdoc/>
    public ExperimentFindings Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool tiny = context.Profile == SuiteProfile.Tiny;
        long xorUpdates = tiny ? 300 : 2_000;
        var constant = Schemes.Create("constant", new InitOptions { Value = XorConstant });
        var xavier = Schemes.Create("xavier-uniform");

        var xorConstant = TrainXor(2, constant, context.Seed, xorUpdates);
        context.Progress("XOR 2-2-1, constant init");
        var xorRandom = new List<XorTrace>();
        var xorOneUnit = new List<XorTrace>();
        for (ulong s = 0; s < RandomSeeds; s++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            xorRandom.Add(TrainXor(2, xavier, context.Seed + s, xorUpdates));
            xorOneUnit.Add(TrainXor(1, xavier, context.Seed + s, xorUpdates));
        }
        context.Progress($"XOR 2-2-1 and 2-1-1, {RandomSeeds} random seeds each");

        var paperConstant = TrainPaperNetwork(context, "constant", Schemes.Create("constant", new InitOptions { Value = PaperNetworkConstant }));
        context.Progress("tanh 5 × 1000, constant init");
        var paperStandard = TrainPaperNetwork(context, "standard", Schemes.Create("standard"));
        context.Progress("tanh 5 × 1000, standard init");

        var figures = new List<FigureFile>
        {
            DrawXorDifference(context.FiguresDirectory, xorConstant, xorRandom),
            DrawXorLoss(context.FiguresDirectory, xorConstant, xorRandom, xorOneUnit),
            DrawPaperNetwork(context.FiguresDirectory, paperConstant, paperStandard),
        };
        var claims = Claims(xorConstant, xorRandom, xorOneUnit, paperConstant, paperStandard);
        int width = paperConstant.Width;
        return new ExperimentFindings(
            [
                $"XOR: the texts' network, 2 inputs → 2 tanh units → 1 output, written as a 2-class softmax (P(y = 1) = σ(s₁ − s₀), the texts' single logistic output), trained by full-batch SGD (the 4 examples, ε = 0.5, {xorUpdates:N0} updates), biases 0. Constant init: every weight {XorConstant}. Random init: xavier-uniform (eq. 16), seeds {context.Seed}…{context.Seed + RandomSeeds - 1}. The 1-unit network (2 → 1 → 1) is trained from the same seeds: its output is a monotone function of one linear projection of the input, so it cannot get more than 3 of XOR's 4 examples right.",
                $"Paper's network: tanh, 5 hidden layers of {width}, softmax output, Shapeset-3×2 inputs in [0, 1], minibatches of 10, ε = 0.01, {paperConstant.Steps.Length - 1} checks over {paperConstant.Steps[^1]:N0} updates, test error on {paperConstant.TestExamples:N0} examples. Constant init: every weight {PaperNetworkConstant} (also the softmax layer's). The distance between units is checked after every update of the XOR networks and every {paperConstant.Steps[1]} updates of the paper's network.",
                "Direct training loops with the engine's SgdTrainer (no run directories: each case takes seconds, so there is nothing to resume).",
            ],
            claims, figures, []);
    }

    /// <summary>One XOR training: the unit distance and loss after every update, and the final error.</summary>
    public sealed record XorTrace(ulong Seed, double[] MaxDifference, double[] Loss, int Errors);

    /// <summary>Trains the XOR network 2 → <paramref name="hidden"/> → 2 (softmax) from <paramref name="init"/> for <paramref name="updates"/> full-batch updates.</summary>
    public static XorTrace TrainXor(int hidden, Initializer init, ulong seed, long updates)
    {
        ArgumentNullException.ThrowIfNull(init);
        var mlp = new Mlp([2, hidden, 2], Activation.Tanh, WeightFills.From(init), seed);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.5f }, XorLabels.Length) { Threads = 1 };
        var difference = new double[updates + 1];
        var loss = new double[updates + 1];
        difference[0] = UnitSymmetry.MaxDifference(mlp);
        for (long t = 0; t < updates; t++)
        {
            loss[t] = trainer.Step(XorInputs, XorLabels);
            difference[t + 1] = UnitSymmetry.MaxDifference(mlp);
        }
        loss[updates] = trainer.Pass.Evaluate(XorInputs, XorLabels, out int correct);
        return new XorTrace(seed, difference, loss, XorLabels.Length - correct);
    }

    /// <summary>The paper's network trained from one init: unit distances per layer at each check, the final test error.</summary>
    public sealed record PaperTrace(string Init, int Width, long[] Steps, double[][] MaxDifferences, double TestError, int TestExamples, int DistinctUnitsTop);

    private static PaperTrace TrainPaperNetwork(ExperimentContext context, string name, Initializer init)
    {
        bool tiny = context.Profile == SuiteProfile.Tiny;
        int width = tiny ? 16 : 1000;
        long updates = tiny ? 40 : 500, every = tiny ? 10 : 25;
        var spec = new RunSpec
        {
            Name = name, Dataset = "shapeset", InputScaling = PixelScaling.ZeroOne, Hidden = [.. Enumerable.Repeat(width, 5)], Activation = Activation.Tanh,
            LearningRate = 0.01, BatchSize = 10, Updates = updates, EvaluationExamples = tiny ? 100 : 1_000, ProbeExamples = 1, Seed = context.Seed,
        };
        var data = new RunData(spec);
        var mlp = new Mlp(data.InputSize, spec.Hidden, data.Classes, Activation.Tanh, WeightFills.From(init), spec.Seed);
        var trainer = new SgdTrainer(mlp, spec.Optimizer(), spec.BatchSize);
        var inputs = new float[spec.BatchSize * data.InputSize];
        var labels = new int[spec.BatchSize];
        var steps = new List<long> { 0 };
        var differences = new List<double[]> { UnitSymmetry.MaxDifferences(mlp) };
        for (long t = 0; t < updates; t++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            data.Train.Fill(t, inputs, labels);
            trainer.Step(inputs, labels);
            if ((t + 1) % every == 0 || t + 1 == updates)
            {
                steps.Add(t + 1);
                differences.Add(UnitSymmetry.MaxDifferences(mlp));
            }
        }
        trainer.Pass.Evaluate(data.TestInputs, data.TestLabels, out int correct);
        return new PaperTrace(name, width, [.. steps], [.. differences], 1 - (double)correct / data.TestLabels.Length, data.TestLabels.Length,
            DistinctUnits(trainer.Pass, data.TestInputs.AsSpan(0, spec.BatchSize * data.InputSize), mlp.LayerCount - 2));
    }

    // Distinct output values among the units of hidden layer `layer` (0-based dense layer) on the first example of a batch.
    private static int DistinctUnits(NetworkPass pass, ReadOnlySpan<float> inputs, int layer)
    {
        pass.Forward(inputs, inputs.Length / pass.Model.Widths[0]);
        var z = pass.Outputs(layer);
        return z[..pass.Model.FanOut(layer)].ToArray().Distinct().Count();
    }

    private static List<ClaimResult> Claims(XorTrace constant, List<XorTrace> random, List<XorTrace> oneUnit, PaperTrace paperConstant, PaperTrace paperStandard)
    {
        var ci = CultureInfo.InvariantCulture;
        double xorMax = constant.MaxDifference.Max();
        double paperMax = paperConstant.MaxDifferences.SelectMany(d => d).Max();
        double randomMin = random.Min(r => r.MaxDifference[^1]);
        int bestOne = oneUnit.Min(r => r.Errors), bestRandom = random.Min(r => r.Errors);
        int updates = constant.Loss.Length - 1;
        return
        [
            new(1, "With a constant initialization the hidden units stay identical after any number of updates (XOR 2-2-1)", "source texts: symmetry breaking",
                "max over updates 0…T and hidden units of |unit j − unit 0| (incoming weights, bias, outgoing weights) = 0 exactly",
                "identical forever", string.Create(ci, $"max difference {xorMax:R} over {updates:N0} updates"),
                xorMax == 0 ? Verdict.Holds : Verdict.DoesNotHold, ""),
            new(2, "The same holds in the paper's network (tanh, 5 hidden layers)", "source texts; Glorot & Bengio 2010 §2.3 network",
                "max over checks and the 5 hidden layers of |unit j − unit 0| = 0 exactly, and one distinct output value in the top hidden layer",
                "identical forever", string.Create(ci, $"max difference {paperMax:R} over {paperConstant.Steps[^1]:N0} updates (width {paperConstant.Width}); {paperConstant.DistinctUnitsTop} distinct value(s) in layer 5"),
                paperMax == 0 && paperConstant.DistinctUnitsTop == 1 ? Verdict.Holds : Verdict.DoesNotHold, ""),
            new(3, "A constant-init network learns no more than one unit per layer would", "source texts: symmetry breaking",
                "XOR errors of the constant-init 2-2-1 network ≥ 1 of 4, the fewest any 1-unit network can make (and the fewest the trained 1-unit networks made)",
                "no better than one unit", $"constant 2-2-1: {constant.Errors} of 4 wrong; 1-unit networks: fewest {bestOne} of 4 wrong ({RandomSeeds} seeds)",
                constant.Errors >= 1 && constant.Errors >= bestOne ? Verdict.Holds : Verdict.DoesNotHold,
                "A 1-unit network's output is monotone in one linear projection of x, so XOR costs it at least one error."),
            new(4, "With random initialization the units separate and the network can learn what one unit cannot", "source texts: symmetry breaking",
                "every random seed ends with max |unit j − unit 0| > 0.01; the best random-init 2-2-1 network makes 0 XOR errors",
                "units differ; XOR learned",
                string.Create(ci, $"smallest final difference {randomMin:G3} over {RandomSeeds} seeds; fewest errors {bestRandom} of 4 (errors per seed: {string.Join(", ", random.Select(r => r.Errors))})"),
                randomMin > 0.01 && bestRandom == 0 ? Verdict.Holds : Verdict.DoesNotHold,
                "A 2-2-1 tanh network from a random start can stall in a local minimum, so not every seed need learn XOR."),
            new(5, "In the paper's network the constant init trains worse than a random one", "source texts: symmetry breaking",
                "test error with constant init > test error with standard init (eq. 1)",
                "one unit per layer is a weaker model",
                string.Create(ci, $"constant {100 * paperConstant.TestError:F1} %, standard {100 * paperStandard.TestError:F1} % after {paperStandard.Steps[^1]:N0} updates on {paperStandard.TestExamples:N0} test examples"),
                paperConstant.TestError > paperStandard.TestError ? Verdict.Holds : Verdict.DoesNotHold,
                "A short run: the standard-init network has only begun to learn; the comparison is of the start of training."),
        ];
    }

    private static FigureFile DrawXorDifference(string directory, XorTrace constant, List<XorTrace> random)
    {
        var plot = FigureStyle.NewPlot("XOR 2-2-1: distance between the two hidden units", "updates", "max |unit 2 − unit 1|");
        var csv = new FigureCsv(XorDistanceColumns);
        void Line(XorTrace t, string init, string label, ScottPlot.Color color)
        {
            double[] xs = [.. Enumerable.Range(0, t.MaxDifference.Length).Select(i => (double)i)];
            var line = plot.Add.Scatter(xs, t.MaxDifference);
            line.Color = color;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = label;
            for (int i = 0; i < t.MaxDifference.Length; i++) csv.Add(init, t.Seed, i, t.MaxDifference[i]);
        }
        Line(constant, "constant", $"constant {XorConstant}", ScottPlot.Colors.Black);
        for (int i = 0; i < random.Count; i++) Line(random[i], "xavier-uniform", $"random, seed {random[i].Seed}", FigureStyle.LayerColor(i + 1, random.Count));
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "symmetry-xor-unit-distance", "Unit distance, XOR",
            "Largest difference between the two hidden units (incoming weights, bias, outgoing weights) after each full-batch update: constant init (black, exactly 0 throughout) and xavier-uniform init from 5 seeds.",
            "With equal initial weights the units receive equal gradients and never separate; random weights break the symmetry.", csv);
    }

    private static FigureFile DrawXorLoss(string directory, XorTrace constant, List<XorTrace> random, List<XorTrace> oneUnit)
    {
        var plot = FigureStyle.NewPlot("XOR: training loss", "updates", "mean −log P(y|x) over the 4 examples");
        var csv = new FigureCsv(XorLossColumns);
        void Line(XorTrace t, string network, string label, ScottPlot.Color color, float width)
        {
            double[] xs = [.. Enumerable.Range(0, t.Loss.Length).Select(i => (double)i)];
            var line = plot.Add.Scatter(xs, t.Loss);
            line.Color = color;
            line.MarkerSize = 0;
            line.LineWidth = width;
            if (label.Length > 0) line.LegendText = label;
            for (int i = 0; i < t.Loss.Length; i++) csv.Add(network, t.Seed, i, t.Loss[i]);
        }
        for (int i = 0; i < oneUnit.Count; i++) Line(oneUnit[i], "2-1-1 random", i == 0 ? "2-1-1 (one unit), random" : "", ScottPlot.Colors.Orange, 4);
        for (int i = 0; i < random.Count; i++) Line(random[i], "2-2-1 random", i == 0 ? "2-2-1, random" : "", ScottPlot.Colors.SteelBlue, 2);
        Line(constant, "2-2-1 constant", "2-2-1, constant", ScottPlot.Colors.Black, 2);
        plot.Axes.SetLimitsY(0, 0.8);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "symmetry-xor-loss", "Training loss, XOR",
            "Loss over full-batch updates: the constant-init 2-2-1 network (black) ends where one-unit networks (orange, thick; 5 seeds) end, above ln(4)/4 ≈ 0.35 — one of the four examples stays wrong; random-init 2-2-1 networks (blue, 5 seeds) can reach 0.",
            "A network whose hidden units are identical is a one-unit network.", csv);
    }

    private static FigureFile DrawPaperNetwork(string directory, PaperTrace constant, PaperTrace standard)
    {
        var plot = FigureStyle.NewPlot($"tanh 5 × {constant.Width}: distance between units", "updates", "max |unit j − unit 1| over a layer");
        var csv = new FigureCsv(PaperDistanceColumns);
        foreach (var trace in new[] { constant, standard })
            for (int layer = 0; layer < trace.MaxDifferences[0].Length; layer++)
            {
                var line = plot.Add.Scatter(trace.Steps.Select(s => (double)s).ToArray(), trace.MaxDifferences.Select(d => d[layer]).ToArray());
                line.Color = FigureStyle.LayerColor(layer + 1, trace.MaxDifferences[0].Length);
                line.LineWidth = trace == constant ? 4 : 1.5f;
                line.MarkerSize = trace == constant ? 0 : 4;
                line.LegendText = $"{trace.Init}, layer {layer + 1}";
                for (int i = 0; i < trace.Steps.Length; i++) csv.Add(trace.Init, trace.Steps[i], layer + 1, trace.MaxDifferences[i][layer]);
            }
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "symmetry-paper-network-unit-distance", "Unit distance, the paper's network",
            $"Largest difference between units of each hidden layer during training on Shapeset-3×2: constant init {PaperNetworkConstant} (thick lines without markers, 0 in every layer) and standard init U[±1/√n] (thin lines with markers).",
            "The symmetry argument does not depend on width or depth: identical units stay identical.", csv);
    }
}
