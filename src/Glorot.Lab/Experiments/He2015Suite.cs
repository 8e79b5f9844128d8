using System.Globalization;
using Glorot.Data;
using Glorot.Lab.Claims;
using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Experiments;

/// <summary>
/// He et al. (2015) as the source texts tell it: a 30-layer ReLU network with Xavier initialization stalls while He
/// initialization (Var(W) = 2/n, eq. 10) converges. Two run specs trained by the lab's <see cref="Runner"/> (resumable
/// run directories under OUT/runs), on Fashion-MNIST where Debian's package is installed and on Shapeset-3×2 otherwise.
/// </summary>
internal sealed class He2015Suite : IExperimentSuite
{
    /// <summary>The suite's name on the command line.</summary>
    public const string SuiteName = "he2015";

    /// <summary>Hidden layers of the deep network (He et al. 2015 §3.2, Fig. 3: 30 layers).</summary>
    public const int Depth = 30;

    /// <inheritdoc/>
    public string Name => SuiteName;

    /// <inheritdoc/>
    public string Title => "He et al. (2015): a 30-layer ReLU network, Xavier vs He initialization";

    /// <inheritdoc/>
    public string Summary =>
        "K. He, X. Zhang, S. Ren, J. Sun, \"Delving deep into rectifiers\", ICCV 2015, §2.2 and Fig. 3, as the source texts tell it: with ReLU " +
        "units Xavier initialization (Var(W) = 1/n for equal fans) halves the signal's variance at every layer, so the activation std " +
        "shrinks by 1/√2 per layer and a 30-layer network stalls; He initialization (Var(W) = 2/n) keeps it flat and the network trains.";

    /// <inheritdoc/>
    public IReadOnlyList<ExperimentProfile> Profiles { get; } =
        [new(SuiteProfile.Quick, $"2 runs (xavier-normal, he-normal) of a {Depth} × 256 ReLU MLP, 4,000 updates of 10 examples, on Fashion-MNIST if installed, else Shapeset", 60)];

    /// <summary>The data set the suite uses here: Fashion-MNIST when Debian's files are there, Shapeset-3×2 otherwise.</summary>
    public static string Dataset => Directory.Exists(MnistFamily.DebianFashionMnistDirectory) ? "fashion-mnist" : "shapeset";

    /// <summary>The two runs of <paramref name="profile"/>, same seed, differing only in the hidden layers' init.</summary>
    public static IReadOnlyList<RunSpec> Runs(SuiteProfile profile, ulong seed)
    {
        bool tiny = profile == SuiteProfile.Tiny;
        long updates = tiny ? 40 : 4_000;
        RunSpec Make(string init) => new()
        {
            Name = init.Split('-')[0],
            Dataset = Dataset,
            InputScaling = PixelScaling.ZeroOne,
            Hidden = [.. Enumerable.Repeat(256, Depth)],
            Activation = Activation.Relu,
            Init = RunInit.Parse(init),
            LearningRate = 0.01,
            BatchSize = 10,
            Updates = updates,
            EvaluateEvery = tiny ? 20 : 250,
            EvaluationExamples = tiny ? 200 : 1_000,
            ProbeEvery = updates,
            ProbeExamples = tiny ? 100 : 300,
            WeightGradientExamples = 0,
            HistogramBins = 50,
            CheckpointEvery = tiny ? 30 : 1_000,
            Seed = seed,
        };
        return [Make("xavier-normal"), Make("he-normal")];
    }

    /// <inheritdoc/>
    public ExperimentFindings Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var specs = Runs(context.Profile, context.Seed);
        var runs = new List<RunDirectory>();
        foreach (var spec in specs)
        {
            var directory = new RunDirectory(Path.Combine(context.OutDirectory, "runs", spec.Name));
            // A second invocation continues (or, when finished, just reads) the run already there.
            bool resume = File.Exists(directory.Spec);
            var result = Runner.Run(spec, directory.Root, new RunOptions { Resume = resume, KeepCheckpoints = false, Cancellation = context.Cancellation });
            context.Cancellation.ThrowIfCancellationRequested();
            context.Progress($"{spec.Name}: {result.Status.ToString().ToLowerInvariant()} at update {result.Steps:N0}");
            runs.Add(directory);
        }
        var init = He2015Evidence.Read(runs[0], specs[0]);
        var he = He2015Evidence.Read(runs[1], specs[1]);
        var figures = new List<FigureFile>
        {
            He2015Figures.ActivationStd(context.FiguresDirectory, init, he),
            He2015Figures.TestError(context.FiguresDirectory, init, he),
        };
        var s = specs[1];
        return new ExperimentFindings(
            [
                $"Two runs, same seed ({context.Seed}) and data stream: {s.Hidden.Length} hidden ReLU layers of {s.Hidden[0]} units and a softmax, biases 0, plain SGD with ε = {s.LearningRate.ToString(CultureInfo.InvariantCulture)} on minibatches of {s.BatchSize} for {s.Updates:N0} updates; xavier-normal N(0, 2/(n_in + n_out)) vs he-normal N(0, 2/n_in) for every layer. Data: {s.Dataset}{(s.Dataset == "shapeset" ? " (Fashion-MNIST is not installed: apt-get install dataset-fashion-mnist)" : " (Debian's package)")}, inputs scaled to [0, 1].",
                $"Activation std per layer: the probe at update 0 on {s.ProbeExamples} fixed test examples (probe_summary.csv). Test error: every {s.EvaluateEvery:N0} updates on the first {s.EvaluationExamples:N0} test examples (metrics.csv).",
                "Trained by the lab's Runner: OUT/runs/xavier and OUT/runs/he are run directories (spec.json, metrics.csv, probes); running the suite again into the same --out continues them from their checkpoints.",
            ],
            He2015Claims.Evaluate(init, he), figures, ["runs/xavier/metrics.csv", "runs/he/metrics.csv", "runs/xavier/probe_summary.csv", "runs/he/probe_summary.csv"]);
    }
}
