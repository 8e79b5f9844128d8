using System.Text.Json;
using Glorot.Init;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Runs;

/// <summary>Options of <see cref="Runner.Run"/> that do not change the results.</summary>
public sealed record RunOptions
{
    /// <summary>Continue from the run directory's latest checkpoint instead of starting over.</summary>
    public bool Resume { get; init; }

    /// <summary>Receives the step count while training (a few hundred reports per run at most).</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Stops the run at the next update; a checkpoint is written so that it can be resumed.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Stop once this many updates are done (null: train to <see cref="RunSpec.Updates"/>): a checkpoint is written
    /// there and the run ends as <see cref="RunStatus.Paused"/>, so that a later <see cref="Resume"/> continues bit for
    /// bit as if it had never stopped. The learning-rate selection trains its candidates this way.
    /// </summary>
    public long? StopAt { get; init; }

    /// <summary>
    /// Compute threads of this run's GEMMs (training, evaluation, probes); 0 = the process default. A suite that
    /// trains several runs at once divides the machine's threads among them. Results are the same bits for any count.
    /// </summary>
    public int Threads { get; init; }
}

/// <summary>
/// Trains one <see cref="RunSpec"/>: SGD on the spec's data, the validation and test error every
/// <see cref="RunSpec.EvaluateEvery"/> updates, per-layer probes every <see cref="RunSpec.ProbeEvery"/>, a checkpoint
/// every <see cref="RunSpec.CheckpointEvery"/>, all into a <see cref="RunDirectory"/>. Every random draw comes from
/// the spec's seed and the data stream is a pure function of the step, so resuming from a checkpoint continues
/// bit for bit as if the run had not stopped. A non-finite loss ends the run as <see cref="RunStatus.Diverged"/>,
/// recording the failing update and layer and keeping the last good checkpoint.
/// </summary>
public static class Runner
{
    private static readonly string[] MetricColumns =
        ["step", "examples_seen", "train_loss", "train_error", "validation_loss", "validation_error", "test_loss", "test_error"];

    /// <summary>The columns of <c>metrics.csv</c>.</summary>
    public static IReadOnlyList<string> MetricsColumns => MetricColumns;

    /// <summary>The columns of the probe summary table (<see cref="ProbeCsv.SummaryTable"/>).</summary>
    public static IReadOnlyList<string> ProbeColumns { get; } = Header(ProbeCsv.SummaryTable([]));

    /// <summary>The columns of the probe histogram table (<see cref="ProbeCsv.HistogramTable"/>).</summary>
    public static IReadOnlyList<string> HistogramColumns { get; } = Header(ProbeCsv.HistogramTable([]));

    private static string[] Header(string table) => table.TrimEnd('\n').Split(',');

    /// <summary>Runs <paramref name="spec"/> into <paramref name="directory"/> (created if needed).</summary>
    public static RunResult Run(RunSpec spec, string directory, RunOptions? options = null)
    {
        RunSpecJson.Validate(spec);
        options ??= new RunOptions();
        if (options.StopAt is < 0) throw new ArgumentException($"StopAt {options.StopAt} is negative.");
        if (options.Threads is < 0 or > 2) throw new ArgumentException($"{options.Threads} compute threads per run: use 1 or 2 (0 = the default).");
        var dir = new RunDirectory(directory);
        Directory.CreateDirectory(dir.Root);
        var metrics = new CsvTable(dir.Metrics, MetricColumns);
        var probes = new CsvTable(dir.Probes, [.. ProbeColumns]);
        var histograms = new CsvTable(dir.Histograms, [.. HistogramColumns]);

        var data = new RunData(spec);
        var activation = Activation.Parse(spec.Activation);
        var mlp = new Mlp(data.InputSize, spec.Hidden, data.Classes, activation);
        RunState state;
        if (options.Resume && LatestCheckpoint(dir) is { } checkpoint)
        {
            var saved = RunSpecJson.Load(dir.Spec);
            if (RunSpecJson.Serialize(saved with { Updates = spec.Updates }) != RunSpecJson.Serialize(spec with { Updates = spec.Updates }))
                throw new ArgumentException($"{dir.Spec}: the run in {dir.Root} was started with another spec; resume it with the same spec (only 'updates' may change) or use a new --out.");
            MlpCheckpoint.LoadParameters(mlp, checkpoint);
            state = RunState.Load(checkpoint);
            foreach (var table in new[] { metrics, probes, histograms }) table.TruncateAfter(state.Step);
            var kept = File.Exists(dir.ProbeLines) ? ProbeJson.ReadLines(dir.ProbeLines).Where(r => r.Step <= state.Step).ToList() : [];
            File.WriteAllText(dir.ProbeLines, string.Concat(kept.Select(r => ProbeJson.Serialize(r) + "\n")));
            File.Delete(dir.Divergence);
        }
        else
        {
            if (Directory.Exists(dir.Checkpoints)) Directory.Delete(dir.Checkpoints, recursive: true);
            File.Delete(dir.Divergence);
            mlp.Initialize(InitialWeights(spec, mlp.LayerCount), spec.Seed);
            RunSpecJson.Save(spec, dir.Spec);
            metrics.Create(); probes.Create(); histograms.Create();
            File.WriteAllText(dir.ProbeLines, "");
            state = new RunState(0, 0, 0, 0, 0);
        }
        // The scope covers the evaluator and the probes too; the trainer also gets the count itself (RunTraining).
        using var threads = Glorot.Kernels.Gemm.Use(threads: options.Threads == 0 ? null : options.Threads);
        return new RunTraining(spec, dir, data, mlp, metrics, probes, histograms, options).Run(state);
    }

    /// <summary>The weight fill of the spec: <see cref="RunSpec.Init"/> for hidden layers, <see cref="RunSpec.OutputInit"/> for the softmax layer.</summary>
    public static WeightFill InitialWeights(RunSpec spec, int layerCount)
    {
        var hidden = WeightFills.From(Schemes.Create(spec.Init, spec.InitOptions()));
        var output = spec.OutputInit is null ? hidden : WeightFills.From(Schemes.Create(spec.OutputInit));
        return (w, fanOut, fanIn, seed, stream) =>
            (stream == (ulong)(layerCount - 1) ? output : hidden)(w, fanOut, fanIn, seed, stream);
    }

    /// <summary>The latest complete checkpoint (one whose state file was written), or null.</summary>
    public static string? LatestCheckpoint(RunDirectory dir) =>
        Directory.Exists(dir.Checkpoints)
            ? Directory.GetDirectories(dir.Checkpoints, "step-*").Where(d => File.Exists(Path.Combine(d, RunState.FileName)))
                .OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;

    /// <summary>The probe settings of a spec: its bins, per-example weight gradients, and Jacobians when asked.</summary>
    public static ProbeOptions ProbeSettings(RunSpec spec, bool jacobian) => new()
    {
        Bins = spec.HistogramBins,
        ChunkSize = Math.Min(100, spec.ProbeExamples),
        WeightGradientBatchSize = 1,
        WeightGradientBatches = spec.WeightGradientExamples,
        JacobianExamples = jacobian ? spec.JacobianExamples : 0,
    };

    // A table without its header line.
    internal static string Body(string table) => table[(table.IndexOf('\n') + 1)..];

    internal static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
}
