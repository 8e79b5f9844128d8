using System.Text.Json;
using Glorot.Init;
using Glorot.IO;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Runs;

/// <summary>Options of <see cref="Runner.Run"/> that do not change the results.</summary>
public sealed record RunOptions
{
    /// <summary>Continue from the run directory's newest complete checkpoint instead of starting over.</summary>
    public bool Resume { get; init; }

    /// <summary>Start over in a directory that already holds a run, deleting its results and checkpoints.</summary>
    public bool Force { get; init; }

    /// <summary>Receives the step count while training (a few hundred reports per run at most) and each phase as it starts and ends.</summary>
    public IProgress<RunProgress>? Progress { get; init; }

    /// <summary>Stops the run at the next update; a checkpoint is written so that it can be resumed.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Hears what the user should know but that does not stop the run (one line each): a resume from an older
    /// checkpoint than the newest, a continuation on another compute path, a start over.</summary>
    public Action<string>? Notice { get; init; }

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

    /// <summary>
    /// Keep the final checkpoint (the trained weights) of a completed run. False: once run.json says completed, the
    /// checkpoints are deleted, so a suite's output stays a few MB; such a run can still be resumed (it is finished,
    /// so nothing is trained again) but not extended to more updates. Paused and diverged runs always keep theirs.
    /// </summary>
    public bool KeepCheckpoints { get; init; } = true;

    /// <summary>
    /// Also write the metrics and probes as TensorBoard events (<see cref="RunDirectory.Events"/>). A resume cuts the
    /// event file back to its length at the checkpoint, as it does the other results files, so no step appears twice.
    /// </summary>
    public bool TensorBoard { get; init; } = true;
}

/// <summary>
/// Trains one <see cref="RunSpec"/>: SGD on the spec's data, the validation and test error every
/// <see cref="RunSpec.EvaluateEvery"/> updates, per-layer probes every <see cref="RunSpec.ProbeEvery"/>, a checkpoint
/// every <see cref="RunSpec.CheckpointEvery"/>, all into a <see cref="RunDirectory"/>. Every random draw comes from
/// the spec's seed and the data stream is a pure function of the step, so resuming from a checkpoint continues
/// bit for bit as if the run had not stopped (on the same compute path, <see cref="RunDirectory.Environment"/>).
/// A kill at any byte loses at most the updates since the last checkpoint: files are replaced atomically, results
/// files are cut back to their checkpointed lengths on resume, and the directory is locked against a second process.
/// A non-finite loss ends the run as <see cref="RunStatus.Diverged"/>, recording the failing update and layer and
/// keeping the last good checkpoint.
/// </summary>
public static class Runner
{
    /// <summary>The columns of <c>metrics.csv</c> (<see cref="RunSchemas.Metrics"/>).</summary>
    public static IReadOnlyList<string> MetricsColumns { get; } = [.. RunSchemas.Metrics.Names];

    /// <summary>The columns of <c>probe_summary.csv</c> (<see cref="RunSchemas.ProbeSummary"/>).</summary>
    public static IReadOnlyList<string> ProbeColumns { get; } = [.. RunSchemas.ProbeSummary.Names];

    /// <summary>The columns of <c>probe_histograms.csv</c> (<see cref="RunSchemas.ProbeHistograms"/>).</summary>
    public static IReadOnlyList<string> HistogramColumns { get; } = [.. RunSchemas.ProbeHistograms.Names];

    /// <summary>Runs <paramref name="spec"/> into <paramref name="directory"/> (created if needed): <see cref="Prepare"/>, then <see cref="PreparedRun.Train"/>.</summary>
    /// <exception cref="ArgumentException">The spec cannot run (too large for memory, …), <c>Resume</c> without a run to
    /// resume, a run already there without <c>Resume</c> or <c>Force</c>, or a resume that would lose results.</exception>
    /// <exception cref="IOException">Another process holds the directory's lock.</exception>
    public static RunResult Run(RunSpec spec, string directory, RunOptions? options = null)
    {
        using var run = Prepare(spec, directory, options);
        return run.Train();
    }

    /// <summary>
    /// Checks everything about <paramref name="spec"/>, <paramref name="options"/> and <paramref name="directory"/> that
    /// can refuse the run, and opens it: locks the directory, reads the data, loads the checkpoint to resume from. Nothing
    /// in the directory is changed yet (it is created if missing); <see cref="PreparedRun.Train"/> does the work. So a
    /// refusal from here is about the caller's input, and an exception from training is not.
    /// </summary>
    /// <exception cref="ArgumentException">The spec cannot run (too large for memory, …), <c>Resume</c> without a run to
    /// resume, a run already there without <c>Resume</c> or <c>Force</c>, or a resume that would lose results.</exception>
    /// <exception cref="InvalidDataException">The run to resume has results but no checkpoint, or a damaged one.</exception>
    /// <exception cref="IOException">Another process holds the directory's lock.</exception>
    public static PreparedRun Prepare(RunSpec spec, string directory, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var dir = CheckRequest(spec, directory, options);
        var notice = options.Notice ?? (_ => { });
        AtomicFile.CreateDirectory(dir.Root);
        var runLock = RunLock.Acquire(dir.Root);
        try
        {
            // Under the lock, so that no other process changes what was checked.
            if (CheckState(spec, dir, options) is { } finished) return new PreparedRun(finished, runLock);
            var data = new RunData(spec);
            var mlp = new Mlp(data.InputSize, spec.Hidden, data.Classes, spec.Activation);
            RunState? state = null;
            if (options.Resume)
            {
                state = options.Force ? TryLoadNewest(dir, mlp, notice) : RunCheckpoints.LoadNewest(dir, mlp, notice);
                if (state is null && !options.Force && LastMetricsStep(dir) is > 0 and var reached)
                    throw new InvalidDataException($"{dir.Root} has results up to update {reached} but no complete checkpoint to continue from; start over with --force (deletes them).");
                if (state is null)
                    notice($"{dir.Root} has no complete checkpoint (the run stopped before its first one); starting it over from update 0.");
                else
                    CheckContinuation(spec, dir, state);
            }
            // A start over draws its weights here, in memory, before anything in the directory is deleted: a scheme that
            // refuses a layer's shape, an init_gain that overflows float32, or an LSUV batch without variance is the
            // spec's fault and must leave the run that was there untouched.
            LsuvRecord? lsuv = state is null ? InitializeWeights(spec, mlp, data.Train.Data) : null;
            return new PreparedRun(spec, dir, data, mlp, state, lsuv, options, runLock);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What <see cref="Prepare"/> refuses about the spec, the options and the directory's state, checked without the
    /// lock, the data or the checkpoints (memory and data are not checked): a suite checks all its runs this way before
    /// it trains any.
    /// </summary>
    internal static void Check(RunSpec spec, string directory, RunOptions? options = null)
    {
        options ??= new RunOptions();
        var dir = CheckRequest(spec, directory, options);
        if (Directory.Exists(dir.Root)) CheckState(spec, dir, options);
    }

    // The spec, the options, and a directory path that can hold a run.
    private static RunDirectory CheckRequest(RunSpec spec, string directory, RunOptions options)
    {
        RunSpecJson.Validate(spec);
        if (options.StopAt is < 0) throw new ArgumentException($"StopAt {options.StopAt} is negative.");
        if (options.Threads is < 0 or > Compute.MaxThreads) throw new ArgumentException($"{options.Threads} compute threads per run: use 1 to {Compute.MaxThreads} (0 = the default).");
        var dir = new RunDirectory(directory);
        RunPaths.CheckDirectory(dir.Root, "run directory");
        if (options.Resume && !Directory.Exists(dir.Root))
            throw new ArgumentException($"{dir.Root} does not exist, so there is no run to resume; leave out --resume to start one there.");
        return dir;
    }

    // What the directory holds against what is asked: a run to resume with the same spec, or none to overwrite unless
    // Force. Returns the recorded result of a completed run that has nothing left to train (Finished).
    private static RunResult? CheckState(RunSpec spec, RunDirectory dir, RunOptions options)
    {
        bool holdsRun = HoldsRun(dir);
        if (options.Resume)
        {
            if (!holdsRun)
                throw new ArgumentException($"{dir.Root} holds no run to resume (no spec.json, metrics.csv or checkpoints/); leave out --resume to start one.");
            var saved = WithCosinePeriod(RunSpecJson.Load(dir.Spec));
            if (saved.LrSchedule == "cosine" && saved.LrCosineUpdates != WithCosinePeriod(spec).LrCosineUpdates)
                throw new ArgumentException($"{dir.Spec}: the run's cosine schedule has period {saved.LrCosineUpdates}; a resume with another period would change the rates already used. To extend the run, keep lr_cosine_updates = {saved.LrCosineUpdates} in the spec.");
            if (RunSpecJson.Serialize(saved with { Updates = spec.Updates }) != RunSpecJson.Serialize(WithCosinePeriod(spec)))
                throw new ArgumentException($"{dir.Spec}: the run in {dir.Root} was started with another spec; resume it with the same spec (only 'updates' may change) or use a new --out.");
            return Finished(spec, dir);
        }
        if (holdsRun && !options.Force)
            throw new ArgumentException($"{dir.Root} already holds a run{Progress(dir)}; continue it with --resume, or start over with --force (deletes its results).");
        return null;
    }

    // A cosine schedule's period defaults to the run's updates; made explicit, a resume may change updates and keep it.
    private static RunSpec WithCosinePeriod(RunSpec spec) =>
        spec.LrSchedule == "cosine" && spec.LrCosineUpdates is null ? spec with { LrCosineUpdates = spec.Updates } : spec;

    /// <summary>Whether <paramref name="dir"/> holds a run (its spec, metrics or checkpoints): one to resume, or to refuse to overwrite.</summary>
    public static bool HoldsRun(RunDirectory dir) =>
        File.Exists(dir.Spec) || Directory.Exists(dir.Checkpoints) || File.Exists(dir.Metrics);

    // A completed run whose weights were not kept (RunOptions.KeepCheckpoints): its recorded result when it reached the
    // spec's updates; an error when more updates are asked, which would need the weights. Null: the run has checkpoints.
    private static RunResult? Finished(RunSpec spec, RunDirectory dir)
    {
        if (Directory.Exists(dir.Checkpoints) || RunSummary.Read(dir, spec.Name) is not { Status: RunStatus.Completed } done) return null;
        if (done.Steps == spec.Updates) return done;
        throw new ArgumentException($"{dir.Root}: the run completed at update {done.Steps:N0} and its final weights were not kept (--keep-checkpoints), so it cannot continue to {spec.Updates:N0}; start over with --force or use a new --out.");
    }

    // Continuing from the checkpoint must lose nothing: no results past the spec's end, every results file there.
    private static void CheckContinuation(RunSpec spec, RunDirectory dir, RunState state)
    {
        if (state.Step > spec.Updates)
            throw new ArgumentException($"{dir.Root}: the run's checkpoint is at update {state.Step}, past the spec's updates = {spec.Updates}; resuming would discard results. Give updates ≥ {state.Step}.");
        if (!File.Exists(dir.ProbeLines)) throw new InvalidDataException($"{dir.ProbeLines}: missing; the run directory cannot be resumed.");
    }

    // Cuts every results file back to its length at the checkpoint (CheckContinuation has passed).
    internal static void Continue(RunSpec spec, RunDirectory dir, RunState state, CsvTable[] tables, Action<string> notice)
    {
        if (RunEnvironment.Difference(RunEnvironment.Load(dir.Root)) is { } difference) notice(difference);
        foreach (var table in tables) table.TruncateTo(state.FileLengths[Path.GetFileName(table.Path)]);
        AtomicFile.Truncate(dir.ProbeLines, state.FileLengths[Path.GetFileName(dir.ProbeLines)]);
        RunCheckpoints.RestoreEvents(dir, state, notice);
        AtomicFile.Delete(dir.Divergence);
        RunSpecJson.Save(spec, dir.Spec);
    }

    // The step of metrics.csv's last whole row, or null: how far a run without a usable checkpoint had come. A row a
    // kill tore is not counted: its first cell may be a prefix of the step ("4" of "40").
    private static long? LastMetricsStep(RunDirectory dir)
    {
        if (!File.Exists(dir.Metrics)) return null;
        try
        {
            return RunTableReader.ReadCompleteRows(dir.Metrics, RunSchemas.Metrics, row => (long?)row.Integer("step")).LastOrDefault();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{ex.Message} The run has no complete checkpoint to continue from; start over with --force (deletes its results).", ex);
        }
    }

    // With --force, a run whose checkpoints are all damaged starts over instead of stopping.
    private static RunState? TryLoadNewest(RunDirectory dir, Mlp mlp, Action<string> notice)
    {
        try
        {
            return RunCheckpoints.LoadNewest(dir, mlp, notice);
        }
        catch (InvalidDataException ex)
        {
            notice($"{ex.Message.Split(" (", 2)[0]}; --force: starting over from update 0.");
            return null;
        }
    }

    // The directory of a run that starts over: what was there is deleted, the new run's files begun (the weights were
    // drawn by Prepare; lsuv is what LSUV did to them, written beside spec.json).
    internal static void StartOver(RunSpec spec, RunDirectory dir, LsuvRecord? lsuv, CsvTable[] tables)
    {
        AtomicFile.DeleteDirectory(dir.Checkpoints);
        AtomicFile.DeleteDirectory(dir.TensorBoard);
        AtomicFile.Delete(dir.Divergence);
        AtomicFile.Delete(dir.Summary);
        AtomicFile.Delete(dir.Timings);
        AtomicFile.Delete(dir.Lsuv);
        if (lsuv is not null) WriteLsuv(spec, dir, lsuv);
        RunEnvironment.Current.Save(dir.Root);
        RunSpecJson.Save(spec, dir.Spec);
        foreach (var table in tables) table.Create();
        AtomicFile.WriteAllText(dir.ProbeLines, "");
    }

    // " (checkpoint at update N)" for the error that refuses to overwrite it.
    private static string Progress(RunDirectory dir) =>
        LatestCheckpoint(dir) is { } checkpoint ? $" (checkpoint at update {long.Parse(Path.GetFileName(checkpoint)[5..], System.Globalization.CultureInfo.InvariantCulture)})" : "";

    // The weights of a run that starts at update 0: the spec's fill, then for "lsuv" (Mishkin & Matas 2016 Algorithm 1)
    // the rescaling on the first lsuv_batch training examples, over every layer, or the hidden ones when output_init
    // names another scheme. Throws ArgumentException for what the spec asks that cannot be done.
    private static LsuvRecord? InitializeWeights(RunSpec spec, Mlp mlp, Glorot.Data.IDataset train)
    {
        mlp.Initialize(InitialWeights(spec, mlp.LayerCount), spec.Seed);
        if (!spec.Init.IsLsuv) return null;
        var options = spec.LsuvOptions();
        if (train.Count < options.BatchSize)
            throw new ArgumentException($"lsuv_batch {options.BatchSize} is more than the {train.Count} training examples of {spec.Dataset}; give lsuv_batch ≤ {train.Count}.");
        var (x, _) = Glorot.Data.FirstExamples.Read(train, options.BatchSize);
        int layers = spec.OutputInit is null ? mlp.LayerCount : mlp.LayerCount - 1;
        return Lsuv.Apply(mlp, x, options.BatchSize, options, layers);
    }

    // Every rescaling LSUV made goes to lsuv.json beside spec.json.
    private static void WriteLsuv(RunSpec spec, RunDirectory dir, LsuvRecord record)
    {
        AtomicFile.WriteAllText(dir.Lsuv, JsonSerializer.Serialize(new
        {
            scheme = "lsuv",
            source = "Mishkin & Matas 2016, Algorithm 1",
            pre_initialization = "orthogonal",
            seed = spec.Seed,
            data = $"{spec.Dataset} training split, examples 0..{record.Options.BatchSize - 1}",
            record,
        }, JsonOptions));
    }

    /// <summary>
    /// The weight fill of the spec: <see cref="RunSpec.Init"/> for hidden layers, <see cref="RunSpec.OutputInit"/> for
    /// the softmax layer; for "lsuv" the orthonormal pre-initialization, rescaled by the runner once the data is open.
    /// </summary>
    public static WeightFill InitialWeights(RunSpec spec, int layerCount)
    {
        var hidden = spec.Init.IsLsuv ? Lsuv.PreInitialization : WeightFills.From(spec.Init.Create(spec.InitOptions()));
        var output = spec.OutputInit is null ? hidden : WeightFills.From(spec.OutputInit.Create());
        return WeightFills.HiddenAndOutput(hidden, output, layerCount);
    }

    /// <summary>The latest checkpoint whose completion marker (its state file) was written, or null.</summary>
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

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable quotes in messages; never embedded in HTML
    };
}
