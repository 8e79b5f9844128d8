using System.Globalization;
using Glorot.Data;
using Glorot.Lab.Claims;
using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Nn;
using Glorot.IO;

namespace Glorot.Lab.Experiments;

/// <summary>
/// Gradient clipping as the source texts name it, a remedy for exploding gradients: the same network, seed and data
/// stream trained with a learning rate at which plain SGD blows up, once without clipping and once with the gradient
/// rescaled to a global L2 norm of at most c (torch.nn.utils.clip_grad_norm_; the engine's SgdOptions.ClipGlobalNorm).
/// A direct training loop (the gradient norm of every update is recorded, which run specs do not log).
/// </summary>
internal sealed class ClippingSuite : IExperimentSuite
{
    /// <summary>The gradient-norm figure's CSV: per run and update.</summary>
    private static readonly CsvSchema NormColumns = new("clipping-gradient-norm.csv",
        new("run", CsvKind.Text), new("update", CsvKind.Integer), new("gradient_norm", CsvKind.Number), new("loss", CsvKind.Number));

    /// <summary>The test-error figure's CSV: per run and evaluation, the error as a fraction.</summary>
    private static readonly CsvSchema ErrorColumns = new("clipping-test-error.csv",
        new("run", CsvKind.Text), new("update", CsvKind.Integer), new("test_error", CsvKind.Number));

    /// <summary>The suite's name on the command line.</summary>
    public const string SuiteName = "clipping";

    /// <summary>The global-norm threshold c of the clipped run.</summary>
    public const double ClipNorm = 1;

    /// <summary>The learning rate of both runs: plain SGD with it diverges within a few updates (docs/LAB.md, "clipping").</summary>
    public const double LearningRate = 0.3;

    /// <inheritdoc/>
    public string Name => SuiteName;

    /// <inheritdoc/>
    public string Title => "Gradient clipping: the same run explodes without it and trains with it";

    /// <inheritdoc/>
    public string Summary =>
        "The source texts name gradient clipping as a remedy for exploding gradients: rescale the whole gradient g to c·g/‖g‖ when its " +
        "norm exceeds c (Pascanu et al. 2013). One network, one seed, one learning rate too large for plain SGD: without clipping the " +
        "gradient norm blows up and training ends in non-finite values; with clipping by global norm the same run trains.";

    /// <inheritdoc/>
    public IReadOnlyList<ExperimentProfile> Profiles { get; } =
        [new(SuiteProfile.Quick, "ReLU 8 × 256 (he-normal), ε = 0.3, 2,000 updates of 10 examples, without and with clipping to global norm 1, on Fashion-MNIST if installed, else Shapeset", 27)];

    /// <summary>One run's record: the loss and the (unclipped) global gradient norm of every update, test error at evaluations.</summary>
    /// <param name="Clip">The clipping threshold, or null.</param>
    /// <param name="Loss">Batch loss of every update done.</param>
    /// <param name="GradientNorm">‖∂L/∂θ‖₂ over every weight and bias, before clipping, of every update done.</param>
    /// <param name="TestErrors">(update, test error) at every evaluation.</param>
    /// <param name="DivergedAt">The update (1-based) whose values were not finite, or null.</param>
    public sealed record ClipTrace(double? Clip, List<double> Loss, List<double> GradientNorm, List<(long Step, double Error)> TestErrors, long? DivergedAt);

    /// <summary>The spec both runs share (the clipped one adds <see cref="RunSpec.ClipGlobalNorm"/>).</summary>
    public static RunSpec Spec(SuiteProfile profile, ulong seed)
    {
        bool tiny = profile == SuiteProfile.Tiny;
        return new()
        {
            Name = "clipping",
            Dataset = He2015Suite.Dataset,
            InputScaling = PixelScaling.ZeroOne,
            Hidden = [.. Enumerable.Repeat(256, 8)],
            Activation = Activation.Relu,
            Init = RunInit.Parse("he-normal"),
            LearningRate = LearningRate,
            BatchSize = 10,
            Updates = tiny ? 200 : 2_000,
            EvaluateEvery = tiny ? 100 : 250,
            EvaluationExamples = tiny ? 200 : 1_000,
            ProbeExamples = 1,
            Seed = seed,
        };
    }

    /// <inheritdoc/>
    public ExperimentFindings Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = Spec(context.Profile, context.Seed);
        var data = new RunData(spec);
        var plain = Train(spec, data, context.Cancellation);
        context.Progress(plain.DivergedAt is { } d ? $"without clipping: diverged at update {d:N0}" : "without clipping: did not diverge");
        var clipped = Train(spec with { ClipGlobalNorm = ClipNorm }, data, context.Cancellation);
        context.Progress($"with clipping: {(clipped.DivergedAt is { } c ? $"diverged at update {c:N0}" : "trained")}");
        return new ExperimentFindings(
            [
                $"One network: {spec.Hidden.Length} hidden ReLU layers of {spec.Hidden[0]}, softmax, he-normal init, biases 0, seed {spec.Seed}; data {spec.Dataset}{(spec.Dataset == "shapeset" ? " (Debian's dataset-fashion-mnist is not installed)" : "")}, inputs in [0, 1], minibatches of {spec.BatchSize}, plain SGD with ε = {LearningRate.ToString(CultureInfo.InvariantCulture)} for up to {spec.Updates:N0} updates. The two runs share the initial weights and the minibatch stream; only clipping differs.",
                $"Clipped run: before each update the whole gradient (every weight and bias) is rescaled to global L2 norm {ClipNorm.ToString(CultureInfo.InvariantCulture)} when it is larger (SgdOptions.ClipGlobalNorm, as torch.nn.utils.clip_grad_norm_). Recorded for every update: the batch loss and the gradient's global norm before clipping; the test error on the first {spec.EvaluationExamples:N0} test examples every {spec.EvaluateEvery:N0} updates. A run ends at the first non-finite loss or activation (the trainer's divergence check).",
                "A direct training loop with the engine's SgdTrainer: the per-update gradient norm is not part of a run directory's logs.",
            ],
            Claims(plain, clipped), [DrawGradientNorm(context.FiguresDirectory, plain, clipped), DrawTestError(context.FiguresDirectory, plain, clipped)], []);
    }

    /// <summary>Trains <paramref name="spec"/> on <paramref name="data"/> until its last update or its first non-finite value.</summary>
    internal static ClipTrace Train(RunSpec spec, RunData data, CancellationToken cancellation = default)
    {
        var mlp = new Mlp(data.InputSize, spec.Hidden, data.Classes, spec.Activation);
        mlp.Initialize(Runner.InitialWeights(spec, mlp.LayerCount), spec.Seed);
        var trainer = new SgdTrainer(mlp, spec.Optimizer(), spec.BatchSize);
        var inputs = new float[spec.BatchSize * data.InputSize];
        var labels = new int[spec.BatchSize];
        var trace = new ClipTrace(spec.ClipGlobalNorm, [], [], [(0, TestError(trainer, data))], null);
        var gradient = new float[mlp.Widths.Max() * mlp.Widths.Max()];
        for (long t = 0; t < spec.Updates; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            data.Train.Fill(t, inputs, labels);
            try
            {
                trace.Loss.Add(trainer.Step(inputs, labels));
            }
            catch (TrainingDivergedException)
            {
                return trace with { DivergedAt = t + 1 };
            }
            trace.GradientNorm.Add(GlobalNorm(trainer, gradient));
            if ((t + 1) % spec.EvaluateEvery == 0 || t + 1 == spec.Updates)
            {
                double error = TestError(trainer, data);
                if (double.IsNaN(error)) return trace with { DivergedAt = t + 1 };
                trace.TestErrors.Add((t + 1, error));
            }
        }
        return trace;
    }

    // ‖g‖₂ over every weight and bias of the last step's batch-mean gradient (the trainer recomputes it, before clipping).
    private static double GlobalNorm(SgdTrainer trainer, float[] buffer)
    {
        var mlp = trainer.Model;
        double sum = 0;
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            var w = buffer.AsSpan(0, mlp.FanIn(l) * mlp.FanOut(l));
            trainer.Pass.WeightGradient(l, w);
            foreach (float g in w) sum += (double)g * g;
            var b = buffer.AsSpan(0, mlp.FanOut(l));
            trainer.Pass.BiasGradient(l, b);
            foreach (float g in b) sum += (double)g * g;
        }
        return Math.Sqrt(sum);
    }

    private static double TestError(SgdTrainer trainer, RunData data)
    {
        double loss = trainer.Pass.Evaluate(data.TestInputs, data.TestLabels, out int correct);
        return double.IsFinite(loss) ? 1 - (double)correct / data.TestLabels.Length : double.NaN;
    }

    private static List<ClaimResult> Claims(ClipTrace plain, ClipTrace clipped)
    {
        var ci = CultureInfo.InvariantCulture;
        double plainGrowth = plain.GradientNorm.Count > 0 ? plain.GradientNorm.Max() / plain.GradientNorm[0] : double.NaN;
        double start = clipped.TestErrors[0].Error, end = clipped.TestErrors[^1].Error;
        int clippedUpdates = clipped.GradientNorm.Count(n => n > ClipNorm);
        return
        [
            new(1, "Without clipping, a too-large step makes the gradients explode and training fail", "source texts: exploding gradients",
                "the unclipped run ends in non-finite values before its last update, its gradient norm having grown ≥ 10× from the first update",
                "exploding gradients",
                plain.DivergedAt is { } d
                    ? string.Create(ci, $"non-finite at update {d:N0}; gradient norm {plain.GradientNorm.FirstOrDefault():G3} → max {plain.GradientNorm.DefaultIfEmpty(double.NaN).Max():G3} (×{plainGrowth:G3})")
                    : string.Create(ci, $"no divergence in {plain.Loss.Count:N0} updates"),
                plain.DivergedAt is not null && plainGrowth >= 10 ? Verdict.Holds : Verdict.DoesNotHold,
                "The trainer stops a run at its first non-finite loss or activation, so the norm is recorded up to the update before."),
            new(2, "With clipping by global norm the same run (same seed, same learning rate) trains", "source texts: gradient clipping as a remedy; Pascanu et al. 2013",
                "the clipped run does every update with finite values, and its test error drops ≥ 30 points",
                "trains",
                string.Create(ci, $"{clipped.Loss.Count:N0} updates, {(clipped.DivergedAt is null ? "all finite" : $"diverged at {clipped.DivergedAt:N0}")}; test error {100 * start:F1} % → {100 * end:F1} %; {clippedUpdates:N0} of {clipped.GradientNorm.Count:N0} updates were clipped"),
                clipped.DivergedAt is null && start - end >= 0.30 ? Verdict.Holds : Verdict.DoesNotHold, ""),
        ];
    }

    private static FigureFile DrawGradientNorm(string directory, ClipTrace plain, ClipTrace clipped)
    {
        var plot = FigureStyle.NewPlot("Global gradient norm over updates", "update", "‖∂L/∂θ‖₂ before clipping");
        var csv = new FigureCsv(NormColumns);
        foreach (var (trace, name, color) in new[] { (plain, "no clipping", ScottPlot.Colors.OrangeRed), (clipped, $"clipped at {ClipNorm}", ScottPlot.Colors.SteelBlue) })
        {
            double[] xs = [.. Enumerable.Range(1, trace.GradientNorm.Count).Select(i => (double)i)];
            var line = plot.Add.Scatter(xs, [.. trace.GradientNorm.Select(Math.Log10)]);
            line.Color = color;
            line.LineWidth = trace == plain ? 3 : 1;
            line.MarkerSize = trace == plain ? 6 : 0;
            line.LegendText = trace.DivergedAt is { } d ? $"{name} (non-finite at update {d})" : name;
            for (int i = 0; i < trace.GradientNorm.Count; i++) csv.Add(name, i + 1, trace.GradientNorm[i], trace.Loss[i]);
        }
        var threshold = plot.Add.HorizontalLine(Math.Log10(ClipNorm));
        threshold.Color = ScottPlot.Colors.Gray;
        threshold.LegendText = "clipping threshold";
        FigureStyle.LogY(plot);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "clipping-gradient-norm", "Gradient norm over updates",
            "Global L2 norm of the gradient (all weights and biases, before clipping) of every update, log10 axis: without clipping (red) until the update before values become non-finite; with clipping to norm 1 (blue; the applied step is the gradient rescaled to at most the grey line).",
            "Exploding gradients end plain SGD; clipping bounds every step, so the same run survives its large early gradients and trains.", csv);
    }

    private static FigureFile DrawTestError(string directory, ClipTrace plain, ClipTrace clipped)
    {
        var plot = FigureStyle.NewPlot("Test error over training", "update", "test error (%)");
        var csv = new FigureCsv(ErrorColumns);
        foreach (var (trace, name, color) in new[] { (plain, "no clipping", ScottPlot.Colors.OrangeRed), (clipped, $"clipped at {ClipNorm}", ScottPlot.Colors.SteelBlue) })
        {
            var line = plot.Add.Scatter(trace.TestErrors.Select(e => (double)e.Step).ToArray(), trace.TestErrors.Select(e => 100 * e.Error).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = name;
            foreach (var (step, error) in trace.TestErrors) csv.Add(name, step, error);
        }
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "clipping-test-error", "Test error over training",
            "Test error at every evaluation; the unclipped run has only its value at update 0, as it ends before its first evaluation.",
            "Clipping turns a diverging run into a training one.", csv);
    }
}
