using Glorot.Nn;

namespace Glorot.Lab.Runs;

/// <summary>
/// A run that <see cref="Runner.Prepare"/> has checked and opened: its directory locked, its data read, the checkpoint
/// to resume from loaded or, for a start at update 0, the initial weights drawn (and LSUV applied). <see cref="Train"/>
/// does the work. Every refusal of the caller's spec, options or directory came from <see cref="Runner.Prepare"/>, so
/// an exception from <see cref="Train"/> is a failure of the work itself (a full disk, a bug), not of the input.
/// Dispose releases the directory's lock.
/// </summary>
public sealed class PreparedRun : IDisposable
{
    private readonly RunSpec? _spec;
    private readonly RunDirectory? _dir;
    private readonly RunData? _data;
    private readonly Mlp? _mlp;
    private readonly RunState? _state;
    private readonly LsuvRecord? _lsuv;
    private readonly RunOptions? _options;
    private readonly RunResult? _finished;
    private readonly IDisposable _lock;
    private bool _trained, _disposed;

    internal PreparedRun(RunSpec spec, RunDirectory dir, RunData data, Mlp mlp, RunState? state, LsuvRecord? lsuv, RunOptions options, IDisposable runLock)
    {
        (_spec, _dir, _data, _mlp, _state, _lsuv, _options, _lock) = (spec, dir, data, mlp, state, lsuv, options, runLock);
    }

    // A completed run whose weights were not kept and that has nothing left to train: Train returns its record.
    internal PreparedRun(RunResult finished, IDisposable runLock)
    {
        (_finished, _lock) = (finished, runLock);
    }

    /// <summary>True when the run continues from a checkpoint; false when it starts at update 0 (or is already complete).</summary>
    public bool Resumes => _state is not null;

    /// <summary>
    /// Starts the run over (deleting what the directory held) or cuts its results back to the checkpoint, then trains
    /// to the spec's updates (or <see cref="RunOptions.StopAt"/>). Once only.
    /// </summary>
    public RunResult Train()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished is { } finished) return finished;
        if (_trained) throw new InvalidOperationException("A prepared run trains once; prepare it again (with Resume) to continue it.");
        _trained = true;
        var (spec, dir, data, mlp, options) = (_spec!, _dir!, _data!, _mlp!, _options!);
        var metrics = new CsvTable(dir.Metrics, RunSchemas.Metrics);
        var probes = new CsvTable(dir.Probes, RunSchemas.ProbeSummary);
        var histograms = new CsvTable(dir.Histograms, RunSchemas.ProbeHistograms);
        CsvTable[] tables = [metrics, probes, histograms];
        if (_state is null) Runner.StartOver(spec, dir, _lsuv, tables);
        else Runner.Continue(spec, dir, _state, tables, options.Notice ?? (_ => { }));
        // The scope covers the evaluator and the probes too; the trainer also gets the count itself (RunTraining).
        using var threads = options.Threads == 0 ? default(Compute.Scope?) : Compute.Use(options.Threads);
        return new RunTraining(spec, dir, data, mlp, metrics, probes, histograms, options).Run(_state ?? new RunState(0, 0, 0, 0, 0), _state is null);
    }

    /// <summary>Releases the run directory's lock.</summary>
    public void Dispose()
    {
        _disposed = true;
        _lock.Dispose();
    }
}
