using System.Diagnostics;
using System.Text.Json;
using Glorot.IO;
using Glorot.Lab.TensorBoard;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Runs;

/// <summary>
/// The training loop of one run (<see cref="Runner.Run"/> prepares the network, data and files): an SGD update per
/// step; evaluation, probes and checkpoints when due; divergence and cancellation handled so that the latest
/// checkpoint is always good.
/// </summary>
internal sealed partial class RunTraining(RunSpec spec, RunDirectory dir, RunData data, Mlp mlp, CsvTable metrics, CsvTable probes,
    CsvTable histograms, RunOptions options)
{
    private const int EvaluationChunk = 500;
    private readonly SgdTrainer _trainer = new(mlp, spec.Optimizer(), spec.BatchSize) { Threads = options.Threads };
    private readonly NetworkPass _evaluator = new(mlp, Math.Min(EvaluationChunk, spec.EvaluationExamples));
    private readonly NetworkProbe _probe = new(mlp, Runner.ProbeSettings(spec, jacobian: false));
    private readonly NetworkProbe? _initialProbe = spec.JacobianExamples > 0 ? new(mlp, Runner.ProbeSettings(spec, jacobian: true)) : null;
    private double _lossSum;
    private long _correct, _count;
    private double? _testError, _validationError;
    private RunTimings _timings = new();
    private readonly EventFile? _events = options.TensorBoard ? new(dir.Events) : null;

    /// <summary>Trains from <paramref name="start"/>; <paramref name="fresh"/>: a new run (probes and a checkpoint at update 0 first).</summary>
    public RunResult Run(RunState start, bool fresh)
    {
        var clock = Stopwatch.StartNew();
        long step = start.Step;
        // The optimizer continues where the checkpoint left it: the schedule from the update count, the momentum
        // from its buffers (written with the weights).
        _trainer.StepCount = step;
        if (!fresh) SgdCheckpoint.Load(_trainer, dir.Checkpoint(step));
        (_lossSum, _correct, _count) = (start.TrainLossSum, start.TrainCorrect, start.TrainCount);
        (_testError, _validationError) = (start.TestError, start.ValidationError);
        _timings = RunTimings.From(start.Timings);
        double Seconds() => start.Seconds + clock.Elapsed.TotalSeconds;
        var x = new float[(long)spec.BatchSize * data.InputSize];
        var y = new int[spec.BatchSize];
        long? lastCheckpoint = fresh ? null : start.Step;
        long reportEvery = Math.Max(1, spec.Updates / 400);
        if (fresh)
        {
            if (Observe(0) is { } initial)
                return Diverged(0, initial with { What = $"{initial.What} at initialization, before any update" }, null, Seconds());
            lastCheckpoint = Checkpoint(0, Seconds());
        }
        options.Progress?.Report(new RunProgress(spec.Name, step, spec.Updates, _testError));
        long end = Math.Min(spec.Updates, options.StopAt ?? long.MaxValue);
        while (step < end)
        {
            if (options.Cancellation.IsCancellationRequested)
            {
                // Cancelled, not diverged, even if the weights are no longer finite: they are then left unsaved.
                if (lastCheckpoint != step) CheckpointIfFinite(step, Seconds());
                return Finish(RunStatus.Cancelled, step, Seconds(), null);
            }
            using (_timings.Measure(RunPhase.Data)) data.Train.Fill(step, x, y);
            try
            {
                int correct;
                using (_timings.Measure(RunPhase.Training)) _lossSum += _trainer.Step(x, y, out correct);
                _correct += correct;
                _count += y.Length;
            }
            catch (TrainingDivergedException ex)
            {
                // The trainer numbers steps from 0 (its layers are dense layers from 0, as here); updates count from 1.
                int? layer = ex.Layer >= 0 ? ex.Layer : null;
                return Diverged(step + 1, new Failure(layer, $"{Where(layer)} during update {step + 1}"), lastCheckpoint, Seconds());
            }
            step++;
            if (Observe(step) is { } failure)
                return Diverged(step, failure with { What = $"{failure.What} after update {step}" }, lastCheckpoint, Seconds());
            if (step % spec.CheckpointEvery == 0 || step == spec.Updates)
            {
                if (CheckpointIfFinite(step, Seconds()) is { } bad) return Diverged(step, bad, lastCheckpoint, Seconds());
                lastCheckpoint = step;
            }
            if (step % reportEvery == 0 || step == spec.Updates)
                options.Progress?.Report(new RunProgress(spec.Name, step, spec.Updates, _testError));
        }
        if (step < spec.Updates)
        {
            if (lastCheckpoint != step && CheckpointIfFinite(step, Seconds()) is { } bad) return Diverged(step, bad, lastCheckpoint, Seconds());
            return Finish(RunStatus.Paused, step, Seconds(), null);
        }
        var completed = Finish(RunStatus.Completed, step, Seconds(), null);
        // After run.json says completed (a kill before this point leaves a run that resumes from its checkpoint).
        if (!options.KeepCheckpoints) RunCheckpoints.DeleteAll(dir);
        return completed;
    }

    private string Where(int? denseLayer) => denseLayer is { } layer
        ? $"the pre-activations or outputs of layer {Name(layer)} are not finite"
        : "the loss is not finite although every layer's outputs are";

    // The one conversion from the engine's numbering (dense layers from 0) to the run's (DivergenceInfo.Convention).
    private string? Name(int? denseLayer) => DivergenceInfo.LayerName(denseLayer ?? -1, mlp.LayerCount);

    /// <summary>
    /// What stopped a run: <paramref name="Layer"/> is the first non-finite dense layer, 0-based as in <see cref="Mlp"/>
    /// (null: only the loss), named once, by <see cref="Diverged"/>; <paramref name="What"/> says what was seen.
    /// </summary>
    private readonly record struct Failure(int? Layer, string What);

    /// <summary>
    /// The first non-finite dense layer (0-based, as in <see cref="Mlp"/>) of a probe record: its hidden layers are
    /// numbered from 1 (<see cref="LayerProbe.Layer"/>), so hidden layer h is dense layer h − 1; a non-finite output
    /// gradient with finite hidden layers is the softmax layer, <paramref name="layerCount"/> − 1; null when neither.
    /// </summary>
    internal static int? FirstNonFiniteLayer(ProbeRecord record, int layerCount)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Layers.FirstOrDefault(l => l.Activations.NonFinite > 0 || l.PreActivations.NonFinite > 0) is { } hidden)
            return hidden.Layer - 1;
        return record.OutputGradient.NonFinite > 0 ? layerCount - 1 : null;
    }

    // Evaluation and probes due at this step; a failure when the network's outputs are no longer finite.
    private Failure? Observe(long step)
    {
        bool last = step == spec.Updates;
        if (step % spec.EvaluateEvery == 0 || last)
        {
            using var phase = Phase(RunPhase.Evaluating, step);
            var (validationLoss, validationError) = Evaluate(data.ValidationInputs, data.ValidationLabels);
            var (testLoss, testError) = Evaluate(data.TestInputs, data.TestLabels);
            if (!double.IsFinite(validationLoss) || !double.IsFinite(testLoss))
                return new Failure(null, "the evaluation loss is not finite");
            double? trainLoss = _count > 0 ? _lossSum / (_count / (double)spec.BatchSize) : null;
            double? trainError = _count > 0 ? 1 - _correct / (double)_count : null;
            metrics.Append(step, step * spec.BatchSize, trainLoss, trainError, validationLoss, validationError, testLoss, testError);
            _events?.Append([RunEvents.Metrics(step, trainLoss, trainError, validationLoss, validationError, testLoss, testError)]);
            (_lossSum, _correct, _count) = (0, 0, 0);
            (_testError, _validationError) = (testError, validationError);
        }
        if (step % spec.ProbeEvery == 0 || last)
        {
            bool jacobians = step == 0 && _initialProbe is not null;
            using var phase = Phase(jacobians ? RunPhase.Jacobians : RunPhase.Probing, step);
            var record = (jacobians ? _initialProbe! : _probe).Measure(data.ProbeInputs, data.ProbeLabels, step);
            if (!double.IsFinite(record.Loss))
            {
                int? layer = FirstNonFiniteLayer(record, mlp.LayerCount);
                return new Failure(layer, layer is null ? "the probe examples' loss is not finite" : $"the probe examples' loss and layer {Name(layer)} are not finite");
            }
            probes.AppendText(ProbeCsv.SummaryRows([record]));
            histograms.AppendText(ProbeCsv.HistogramRows([record]));
            AtomicFile.AppendText(dir.ProbeLines, ProbeJson.Serialize(record) + "\n");
            _events?.Append([RunEvents.Probe(record, mlp)]);
        }
        return null;
    }

    private (double Loss, double Error) Evaluate(float[] inputs, int[] labels)
    {
        double lossSum = 0;
        long correct = 0;
        int n = data.InputSize;
        for (int first = 0; first < labels.Length; first += EvaluationChunk)
        {
            int rows = Math.Min(EvaluationChunk, labels.Length - first);
            lossSum += _evaluator.Evaluate(inputs.AsSpan(first * n, rows * n), labels.AsSpan(first, rows), out int c) * rows;
            correct += c;
        }
        return (lossSum / labels.Length, 1 - correct / (double)labels.Length);
    }

    // Checkpoints after update `step` when every weight and bias is finite, else returns why the run diverged. A tanh
    // or sigmoid maps an infinite weight's s = ±∞ to a finite z, so the loss can stay finite after an overflowing
    // update: only finite weights make a good checkpoint. Every checkpoint after update 0 goes through here.
    private Failure? CheckpointIfFinite(long step, double seconds)
    {
        if (mlp.FirstNonFiniteLayer() is { } bad) return new Failure(bad, $"the weights or biases are not finite after update {step}");
        Checkpoint(step, seconds);
        return null;
    }

    // Writes the checkpoint of this step, then removes older ones: the latest good checkpoint always exists.
    private long Checkpoint(long step, double seconds)
    {
        using var phase = Phase(RunPhase.Checkpoint, step);
        RunCheckpoints.Write(dir, mlp, target => SgdCheckpoint.Save(_trainer, target),
            new RunState(step, _lossSum, _correct, _count, seconds) { TestError = _testError, ValidationError = _validationError, Timings = _timings.Snapshot() });
        _timings.Write(dir.Timings);
        return step;
    }

    private RunResult Diverged(long failedUpdate, Failure failure, long? lastCheckpoint, double seconds)
    {
        var info = DivergenceInfo.Create(failedUpdate, Name(failure.Layer), failure.What, lastCheckpoint);
        AtomicFile.WriteAllText(dir.Divergence, JsonSerializer.Serialize(info, Runner.JsonOptions));
        return Finish(RunStatus.Diverged, Math.Max(0, failedUpdate - 1), seconds, info);
    }

    private RunResult Finish(RunStatus status, long step, double seconds, DivergenceInfo? divergence)
    {
        var result = new RunResult(spec.Name, dir, status, step, seconds, _testError, _validationError, divergence);
        _timings.Write(dir.Timings);
        AtomicFile.WriteAllText(dir.Summary, JsonSerializer.Serialize(new
        {
            name = spec.Name,
            status = status.ToString().ToLowerInvariant(),
            steps = step,
            updates_planned = spec.Updates,
            seconds,
            final_test_error = _testError,
            final_validation_error = _validationError,
            divergence,
            finished_utc = DateTime.UtcNow.ToString("O"),
        }, Runner.JsonOptions));
        return result;
    }
}
