using System.Diagnostics;
using System.Text.Json;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Runs;

/// <summary>
/// The training loop of one run (<see cref="Runner.Run"/> prepares the network, data and files): an SGD update per
/// step; evaluation, probes and checkpoints when due; divergence and cancellation handled so that the latest
/// checkpoint is always good.
/// </summary>
internal sealed class RunTraining(RunSpec spec, RunDirectory dir, RunData data, Mlp mlp, CsvTable metrics, CsvTable probes,
    CsvTable histograms, RunOptions options)
{
    private const int EvaluationChunk = 500;
    private readonly SgdTrainer _trainer = new(mlp, new SgdOptions { LearningRate = (float)spec.LearningRate }, spec.BatchSize) { Threads = options.Threads };
    private readonly SgdTrainer _evaluator = new(mlp, new SgdOptions(), Math.Min(EvaluationChunk, spec.EvaluationExamples));
    private readonly NetworkProbe _probe = new(mlp, Runner.ProbeSettings(spec, jacobian: false));
    private readonly NetworkProbe? _initialProbe = spec.JacobianExamples > 0 ? new(mlp, Runner.ProbeSettings(spec, jacobian: true)) : null;
    private double _lossSum;
    private long _correct, _count;
    private double? _testError, _validationError;

    public RunResult Run(RunState start)
    {
        var clock = Stopwatch.StartNew();
        long step = start.Step;
        (_lossSum, _correct, _count) = (start.TrainLossSum, start.TrainCorrect, start.TrainCount);
        double Seconds() => start.Seconds + clock.Elapsed.TotalSeconds;
        var x = new float[spec.BatchSize * data.InputSize];
        var y = new int[spec.BatchSize];
        long lastCheckpoint = start.Step;
        long reportEvery = Math.Max(1, spec.Updates / 400);
        try
        {
            if (step == 0 && Runner.LatestCheckpoint(dir) is null)
            {
                Observe(0);
                lastCheckpoint = Checkpoint(0, Seconds());
            }
            options.Progress?.Report(new RunProgress(spec.Name, step, spec.Updates, _testError));
            long end = Math.Min(spec.Updates, options.StopAt ?? long.MaxValue);
            while (step < end)
            {
                if (options.Cancellation.IsCancellationRequested)
                {
                    if (lastCheckpoint != step && FirstNonFiniteLayer() is null) Checkpoint(step, Seconds());
                    return Finish(RunStatus.Cancelled, step, Seconds(), null);
                }
                data.Train.Fill(step, x, y);
                try
                {
                    _lossSum += _trainer.Step(x, y, out int correct);
                    _correct += correct;
                    _count += y.Length;
                }
                catch (TrainingDivergedException ex)
                {
                    return Diverged(step + 1, ex.Layer, ex.Message, lastCheckpoint, Seconds());
                }
                step++;
                if (!Observe(step, out var failure))
                    return Diverged(step, failure!.Value.Layer, failure.Value.Message, lastCheckpoint, Seconds());
                if (step % spec.CheckpointEvery == 0 || step == spec.Updates)
                {
                    // A tanh or sigmoid maps an infinite weight's s = ±∞ to a finite z, so the loss can stay finite
                    // after an overflowing update: only finite weights make a good checkpoint.
                    if (FirstNonFiniteLayer() is { } bad)
                        return Diverged(step, bad, $"dense layer {bad}'s weights or biases are not finite after update {step}", lastCheckpoint, Seconds());
                    lastCheckpoint = Checkpoint(step, Seconds());
                }
                if (step % reportEvery == 0 || step == spec.Updates)
                    options.Progress?.Report(new RunProgress(spec.Name, step, spec.Updates, _testError));
            }
        }
        catch (TrainingDivergedException ex)
        {
            return Diverged(step, ex.Layer, ex.Message, lastCheckpoint, Seconds());
        }
        if (step < spec.Updates)
        {
            if (lastCheckpoint != step)
            {
                if (FirstNonFiniteLayer() is { } bad)
                    return Diverged(step, bad, $"dense layer {bad}'s weights or biases are not finite after update {step}", lastCheckpoint, Seconds());
                Checkpoint(step, Seconds());
            }
            return Finish(RunStatus.Paused, step, Seconds(), null);
        }
        return Finish(RunStatus.Completed, step, Seconds(), null);
    }

    private int? FirstNonFiniteLayer()
    {
        for (int l = 0; l < mlp.LayerCount; l++)
            if (!AllFinite(mlp.Weight(l)) || !AllFinite(mlp.Bias(l))) return l;
        return null;
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
            if (!float.IsFinite(v)) return false;
        return true;
    }

    private void Observe(long step)
    {
        if (!Observe(step, out var failure))
            throw new TrainingDivergedException(step, failure!.Value.Layer, failure.Value.Message);
    }

    // Evaluation and probes due at this step; false when the network's outputs are no longer finite.
    private bool Observe(long step, out (int Layer, string Message)? failure)
    {
        failure = null;
        bool last = step == spec.Updates;
        if (step % spec.EvaluateEvery == 0 || last)
        {
            var (validationLoss, validationError) = Evaluate(data.ValidationInputs, data.ValidationLabels);
            var (testLoss, testError) = Evaluate(data.TestInputs, data.TestLabels);
            if (!double.IsFinite(validationLoss) || !double.IsFinite(testLoss))
            {
                failure = (-1, $"the evaluation loss is not finite after update {step}");
                return false;
            }
            double? trainLoss = _count > 0 ? _lossSum / (_count / (double)spec.BatchSize) : null;
            double? trainError = _count > 0 ? 1 - _correct / (double)_count : null;
            metrics.Append(step, step * spec.BatchSize, trainLoss, trainError, validationLoss, validationError, testLoss, testError);
            (_lossSum, _correct, _count) = (0, 0, 0);
            (_testError, _validationError) = (testError, validationError);
        }
        if (step % spec.ProbeEvery == 0 || last)
        {
            var record = (step == 0 && _initialProbe is not null ? _initialProbe : _probe).Measure(data.ProbeInputs, data.ProbeLabels, step);
            if (!double.IsFinite(record.Loss))
            {
                int layer = record.Layers.FirstOrDefault(l => l.Activations.NonFinite > 0 || l.PreActivations.NonFinite > 0)?.Layer ?? -1;
                failure = (layer, $"the probe examples' loss is not finite after update {step}");
                return false;
            }
            probes.AppendText(Runner.Body(ProbeCsv.SummaryTable([record])));
            histograms.AppendText(Runner.Body(ProbeCsv.HistogramTable([record])));
            ProbeJson.AppendLine(dir.ProbeLines, record);
        }
        return true;
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

    // Writes the checkpoint of this step, then removes older ones: the latest good checkpoint always exists.
    private long Checkpoint(long step, double seconds)
    {
        string target = dir.Checkpoint(step);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        MlpCheckpoint.Save(mlp, target);
        new RunState(step, _lossSum, _correct, _count, seconds).Save(target);
        foreach (var old in Directory.GetDirectories(dir.Checkpoints, "step-*"))
            if (!string.Equals(Path.GetFullPath(old), Path.GetFullPath(target), StringComparison.Ordinal))
                Directory.Delete(old, recursive: true);
        return step;
    }

    private RunResult Diverged(long failedUpdate, int layer, string message, long lastCheckpoint, double seconds)
    {
        var info = new DivergenceInfo(failedUpdate, layer, message, lastCheckpoint);
        File.WriteAllText(dir.Divergence, JsonSerializer.Serialize(info, Runner.JsonOptions));
        return Finish(RunStatus.Diverged, failedUpdate - 1, seconds, info);
    }

    private RunResult Finish(RunStatus status, long step, double seconds, DivergenceInfo? divergence)
    {
        var result = new RunResult(spec.Name, dir, status, step, seconds, _testError, _validationError, divergence);
        File.WriteAllText(dir.Summary, JsonSerializer.Serialize(new
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
