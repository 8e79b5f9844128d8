using Glorot.Data;
using Glorot.Nn;

namespace Glorot.Lab.Runs;

/// <summary>
/// The data of a run: the training minibatches (a pure function of the step), and the fixed evaluation and probe
/// sets read once into memory (the first examples of the validation and test splits; the probe set is the first
/// <see cref="RunSpec.ProbeExamples"/> test examples, as the paper's "fixed set of 300 test examples").
/// </summary>
internal sealed class RunData
{
    public RunData(RunSpec spec)
    {
        var scaling = spec.InputScaling;
        var splits = DatasetCatalog.Open(spec.Dataset, new DatasetOptions(spec.DataPath, scaling, spec.Seed));
        Train = new Minibatches(splits.Train, spec.BatchSize, shuffleSeed: spec.Seed);
        InputSize = splits.Train.InputSize;
        Classes = splits.Train.ClassCount;
        RequireMemory(spec, InputSize, Classes);
        (ValidationInputs, ValidationLabels) = Read(splits.Validation, spec.EvaluationExamples, "evaluation_examples");
        (TestInputs, TestLabels) = Read(splits.Test, spec.EvaluationExamples, "evaluation_examples");
        (ProbeInputs, ProbeLabels) = Read(splits.Test, spec.ProbeExamples, "probe_examples");
    }

    public Minibatches Train { get; }
    public int InputSize { get; }
    public int Classes { get; }
    public float[] ValidationInputs { get; }
    public int[] ValidationLabels { get; }
    public float[] TestInputs { get; }
    public int[] TestLabels { get; }
    public float[] ProbeInputs { get; }
    public int[] ProbeLabels { get; }

    // Everything the run will allocate, checked before any of it is: the network and its trainer (TrainingMemory),
    // the evaluator (chunks of 500), the probe's per-layer s, z and dL/ds over the probe set, the data read here.
    private static void RequireMemory(RunSpec spec, int inputs, int classes)
    {
        int[] widths = [inputs, .. spec.Hidden, classes];
        double layerFloats = TrainingMemory.BatchFloats(widths, 1);
        double extra = sizeof(float) * (
            TrainingMemory.BatchFloats(widths, Math.Min(500, spec.EvaluationExamples))
            + (double)spec.ProbeExamples * layerFloats
            + TrainingMemory.Parameters(widths) * (spec.WeightGradientExamples > 0 ? 1 : 0)
            + (2.0 * spec.EvaluationExamples + spec.ProbeExamples) * inputs);
        TrainingMemory.Require(widths, spec.BatchSize, new SgdOptions { LearningRate = (float)spec.LearningRate }, extra);
    }

    private static (float[], int[]) Read(IDataset split, int count, string key)
    {
        if (count > split.Count)
            throw new ArgumentException($"{key} = {count} but {split.Name} holds only {split.Count} examples.");
        return FirstExamples.Read(split, count);
    }
}
