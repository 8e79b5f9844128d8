using Glorot.Data;
using System.Globalization;
using Glorot.Lab.Claims;
using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Nn;
using Glorot.Probes;
using Glorot.IO;

namespace Glorot.Lab.Experiments;

/// <summary>
/// The question one of the source texts leaves open: do Glorot &amp; Bengio's conditions n_in·Var(W) = 1 (eq. 10) and
/// n_out·Var(W) = 1 (eq. 11) still hold once training begins? Tracked per layer over the start of training of the
/// paper's tanh network with standard (eq. 1) and normalized (eq. 16) initialization, with the activation and gradient
/// variance ratios between layers they are meant to keep at 1. A direct training loop.
/// </summary>
internal sealed class ConditionsSuite : IExperimentSuite
{
    /// <summary>The n·Var(W) figure's CSV: per initialization, probe and layer.</summary>
    private static readonly CsvSchema VarianceColumns = new("conditions-n-var-w.csv",
        new("init", CsvKind.Text), new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("n_in_var_w", CsvKind.Number), new("n_out_var_w", CsvKind.Number));

    /// <summary>The variance-ratio figure's CSV: per initialization, probe and pair of adjacent layers ("1-2").</summary>
    private static readonly CsvSchema RatioColumns = new("conditions-variance-ratios.csv",
        new("init", CsvKind.Text), new("step", CsvKind.Integer), new("pair", CsvKind.Text), new("activation_ratio", CsvKind.Number), new("gradient_ratio", CsvKind.Number));

    /// <summary>The suite's name on the command line.</summary>
    public const string SuiteName = "conditions";

    /// <summary>Accepted relative drift of n·Var(W) from its initial value for "still holds".</summary>
    public const double Drift = 0.10;

    /// <inheritdoc/>
    public string Name => SuiteName;

    /// <inheritdoc/>
    public string Title => "Do n_in·Var(W) = 1 and n_out·Var(W) = 1 still hold after training begins?";

    /// <inheritdoc/>
    public string Summary =>
        "Glorot & Bengio (2010) §4.2.1 choose the initial weights so that n_in·Var(W) = 1 (eq. 10, forward signal kept) and n_out·Var(W) = 1 " +
        "(eq. 11, gradient kept), compromised by eq. 16; the source texts leave open whether these conditions survive training. Tracked per " +
        "layer over the start of training, with the between-layer activation and gradient variance ratios they aim to keep at 1, for the " +
        "paper's tanh network under standard and normalized initialization.";

    /// <inheritdoc/>
    public IReadOnlyList<ExperimentProfile> Profiles { get; } =
        [new(SuiteProfile.Quick, "tanh 5 × 1000 on Shapeset (the paper's network), standard and normalized init, 3,000 updates each, conditions measured every 250 on 300 probe examples", 130)];

    /// <summary>One initialization's trace.</summary>
    /// <param name="Init">The hidden layers' scheme.</param>
    /// <param name="Width">Hidden width (every hidden layer).</param>
    /// <param name="Points">The conditions at update 0 and every probe interval.</param>
    public sealed record ConditionRun(string Init, int Width, IReadOnlyList<ConditionPoint> Points);

    /// <inheritdoc/>
    public ExperimentFindings Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        bool tiny = context.Profile == SuiteProfile.Tiny;
        var runs = new List<ConditionRun>();
        RunSpec spec = new();
        foreach (var init in new[] { "standard", "xavier-uniform" })
        {
            spec = new RunSpec
            {
                Name = init, Dataset = "shapeset", InputScaling = PixelScaling.ZeroOne, Hidden = [.. Enumerable.Repeat(tiny ? 32 : 1000, 5)], Activation = Activation.Tanh,
                Init = RunInit.Parse(init), OutputInit = RunInit.XavierUniform, LearningRate = 0.01, BatchSize = 10, Updates = tiny ? 60 : 3_000, ProbeEvery = tiny ? 20 : 250,
                ProbeExamples = tiny ? 50 : 300, EvaluationExamples = 10, Seed = context.Seed,
            };
            runs.Add(Train(spec, context.Cancellation));
            context.Progress($"{init}: {spec.Updates:N0} updates");
        }
        return new ExperimentFindings(
            [
                $"The paper's network (Glorot & Bengio 2010 §2.3): tanh, 5 hidden layers of {spec.Hidden[0]}, softmax (normalized init), Shapeset-3×2 inputs in [0, 1], minibatches of 10, plain SGD ε = 0.01, {spec.Updates:N0} updates, seed {spec.Seed}; the hidden layers start from standard U[±1/√n_in] (n_in·Var(W) = 1/3) or normalized U[±√(6/(n_in + n_out))] (n_in·Var(W) ≈ 1).",
                $"Every {spec.ProbeEvery:N0} updates (and at 0): n_in·Var(W_l) and n_out·Var(W_l) of each hidden layer's weights (Var the population variance about the weights' mean), and, on the first {spec.ProbeExamples} test examples (a forward and backward pass without update), Var(z^(k+1))/Var(z^k) and Var(∂C/∂s^k)/Var(∂C/∂s^(k+1)) between consecutive hidden layers.",
                "Measured by the probe every run uses, so the same columns are in every run's probe_summary.csv (n_in_var_w, n_out_var_w, var_ratio), TensorBoard events and glorot2010's report; this suite trains in a direct loop without a run directory.",
            ],
            Claims(runs), [DrawConditions(context.FiguresDirectory, runs), DrawRatios(context.FiguresDirectory, runs)], []);
    }

    /// <summary>Trains <paramref name="spec"/> and measures the conditions at update 0 and every probe interval.</summary>
    public static ConditionRun Train(RunSpec spec, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var data = new RunData(spec);
        var mlp = new Mlp(data.InputSize, spec.Hidden, data.Classes, spec.Activation);
        mlp.Initialize(Runner.InitialWeights(spec, mlp.LayerCount), spec.Seed);
        var trainer = new SgdTrainer(mlp, spec.Optimizer(), spec.BatchSize);
        // The runs' own probe (without the weight gradients, which the conditions do not use): the same numbers as
        // every run directory's probes.
        var probe = new NetworkProbe(mlp, new ProbeOptions { WeightGradientBatches = 0 });
        var inputs = new float[spec.BatchSize * data.InputSize];
        var labels = new int[spec.BatchSize];
        ConditionPoint Measure(long step) => ConditionPoint.From(probe.Measure(data.ProbeInputs, data.ProbeLabels, step));
        var points = new List<ConditionPoint> { Measure(0) };
        for (long t = 0; t < spec.Updates; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            data.Train.Fill(t, inputs, labels);
            trainer.Step(inputs, labels);
            if ((t + 1) % spec.ProbeEvery == 0 || t + 1 == spec.Updates)
                points.Add(Measure(t + 1));
        }
        return new ConditionRun(spec.Init.Name, spec.Hidden[0], points);
    }

    private static List<ClaimResult> Claims(List<ConditionRun> runs)
    {
        var ci = CultureInfo.InvariantCulture;
        var normalized = runs.Single(r => r.Init == "xavier-uniform");
        var start = normalized.Points[0];
        double initError = start.FanInVariance.Skip(1).Concat(start.FanOutVariance.Skip(1)).Max(v => Math.Abs(v - 1));
        // The sample second moment of N uniform weights has relative variance E[w⁴]/E[w²]² − 1 = 9/5 − 1 = 0.8 over N;
        // the population variance about the sample mean differs from it by w̄², O(1/N) smaller again.
        double initTolerance = 3 * Math.Sqrt(0.8 / ((double)normalized.Width * normalized.Width));
        double MaxDrift(ConditionRun r) => r.Points[0].FanInVariance.Zip(r.Points[^1].FanInVariance, (a, b) => Math.Abs(b / a - 1)).Max();
        string DriftText(ConditionRun r)
        {
            var (first, last) = (r.Points[0], r.Points[^1]);
            return $"{r.Init}: n_in·Var(W) per layer {string.Join(", ", first.FanInVariance.Select(v => v.ToString("F3", ci)))} → {string.Join(", ", last.FanInVariance.Select(v => v.ToString("F3", ci)))} (largest change {MaxDrift(r) * 100:F1} %)";
        }
        long updates = normalized.Points[^1].Step;
        double RatioSpread(ConditionPoint p) => p.ActivationRatio.Concat(p.GradientRatio).Max(v => Math.Abs(Math.Log(v)));
        return
        [
            new(1, "Normalized initialization starts with n_in·Var(W) = n_out·Var(W) = 1 for equal fans", "Glorot & Bengio 2010 eqs. 10, 11, 16",
                string.Create(ci, $"hidden layers 2–5 (fan-in = fan-out = n): |n·Var(W) − 1| ≤ 3√(0.8/n²) = {initTolerance:G2} at update 0 (3σ of the sample second moment of n² uniform weights)"),
                "n·Var(W) = 1", string.Create(ci, $"largest |n·Var(W) − 1| {initError:G3}"), initError <= initTolerance ? Verdict.Holds : Verdict.DoesNotHold,
                "Layer 1 (1024 inputs, 1000 units) cannot satisfy both; eq. 16 gives n_in·Var(W) = 2·1024/2024 = 1.012 there."),
            new(2, $"The conditions still hold after training begins: n·Var(W) of every layer stays within {Drift * 100:F0} % of its initial value", "the source texts' open question",
                string.Create(ci, $"max over hidden layers of |n_in·Var(W) at update {updates:N0} / at 0 − 1| ≤ {Drift} for both initializations (n_out·Var(W) is the same ratio)"),
                "open question", string.Join("; ", runs.Select(DriftText)),
                runs.All(r => MaxDrift(r) <= Drift) ? Verdict.Holds : Verdict.DoesNotHold,
                "Only the start of training (the paper trains 2.5 M updates): what holds here may drift later."),
            new(3, "Normalized initialization keeps the between-layer activation and gradient variance ratios nearer 1 than standard, at update 0 and after training begins", "Glorot & Bengio 2010 §4.2.1, Figs. 6–7",
                string.Create(ci, $"max over consecutive layers of |ln ratio| smaller for normalized than for standard, at update 0 and at update {updates:N0}"),
                "ratios ≈ 1 with normalized init",
                string.Join("; ", runs.Select(r => string.Create(ci, $"{r.Init}: max |ln ratio| {RatioSpread(r.Points[0]):F2} at 0, {RatioSpread(r.Points[^1]):F2} at {updates:N0}"))),
                RatioSpread(normalized.Points[0]) < RatioSpread(runs[0].Points[0]) && RatioSpread(normalized.Points[^1]) < RatioSpread(runs[0].Points[^1]) ? Verdict.Holds : Verdict.DoesNotHold, ""),
        ];
    }

    private static FigureFile DrawConditions(string directory, List<ConditionRun> runs)
    {
        var plot = FigureStyle.NewPlot("n_in·Var(W) of each hidden layer over training", "updates", "n_in·Var(W_l)");
        var csv = new FigureCsv(VarianceColumns);
        foreach (var run in runs)
        {
            int layers = run.Points[0].FanInVariance.Length;
            for (int l = 0; l < layers; l++)
            {
                var line = plot.Add.Scatter(run.Points.Select(p => (double)p.Step).ToArray(), run.Points.Select(p => p.FanInVariance[l]).ToArray());
                line.Color = FigureStyle.LayerColor(l + 1, layers);
                line.LineWidth = run.Init == "standard" ? 1.5f : 3;
                line.MarkerSize = run.Init == "standard" ? 4 : 0;
                line.LegendText = $"{(run.Init == "standard" ? "standard" : "normalized")}, layer {l + 1}";
                foreach (var p in run.Points) csv.Add(run.Init, p.Step, l + 1, p.FanInVariance[l], p.FanOutVariance[l]);
            }
        }
        var one = plot.Add.HorizontalLine(1);
        one.Color = ScottPlot.Colors.Gray;
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "conditions-n-var-w", "n·Var(W) over training",
            "n_in·Var(W_l) of every hidden layer's weights over training: normalized init (thick lines, from ≈1) and standard init (thin lines with markers, from 1/3); the CSV also has n_out·Var(W_l). Grey: the condition n·Var(W) = 1.",
            "Glorot & Bengio choose Var(W) so that n_in·Var(W) = n_out·Var(W) = 1 at initialization (eqs. 10, 11, 16) and say nothing of later.", csv);
    }

    private static FigureFile DrawRatios(string directory, List<ConditionRun> runs)
    {
        var plot = FigureStyle.NewPlot("Variance ratios between consecutive layers", "updates", "ratio (log10 axis)");
        var csv = new FigureCsv(RatioColumns);
        var colors = new Dictionary<string, ScottPlot.Color> { ["standard"] = ScottPlot.Colors.OrangeRed, ["xavier-uniform"] = ScottPlot.Colors.SteelBlue };
        foreach (var run in runs)
        {
            int pairs = run.Points[0].ActivationRatio.Length;
            for (int k = 0; k < pairs; k++)
            {
                double[] xs = [.. run.Points.Select(p => (double)p.Step)];
                var a = plot.Add.Scatter(xs, run.Points.Select(p => Math.Log10(p.ActivationRatio[k])).ToArray());
                a.Color = colors[run.Init];
                a.LineWidth = 2;
                a.MarkerSize = 0;
                var g = plot.Add.Scatter(xs, run.Points.Select(p => Math.Log10(p.GradientRatio[k])).ToArray());
                g.Color = colors[run.Init];
                g.LineWidth = 1;
                g.MarkerSize = 5;
                if (k == 0)
                {
                    a.LegendText = $"{(run.Init == "standard" ? "standard" : "normalized")}: activations (lines)";
                    g.LegendText = $"{(run.Init == "standard" ? "standard" : "normalized")}: gradients (markers)";
                }
                foreach (var p in run.Points) csv.Add(run.Init, p.Step, $"{k + 1}-{k + 2}", p.ActivationRatio[k], p.GradientRatio[k]);
            }
        }
        var one = plot.Add.HorizontalLine(0);
        one.Color = ScottPlot.Colors.Gray;
        FigureStyle.LogY(plot);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "conditions-variance-ratios", "Variance ratios over training",
            "Var(z^(k+1))/Var(z^k) (lines) and Var(∂C/∂s^k)/Var(∂C/∂s^(k+1)) (markers) for each pair of consecutive hidden layers, over training, on the probe examples; standard (red) and normalized (blue) init. 1 (grey) = the variance is kept from layer to layer.",
            "The conditions aim at ratios of 1 (§4.2.1); Figs. 6–7 show them at initialization only.", csv);
    }
}
