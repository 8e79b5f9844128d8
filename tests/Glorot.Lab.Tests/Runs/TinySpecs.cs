using Glorot.Lab.Runs;

namespace Glorot.Lab.Tests.Runs;

/// <summary>Runs small enough for unit tests: Shapeset, two hidden layers of 16, a few dozen updates.</summary>
internal static class TinySpecs
{
    public static RunSpec Tanh(long updates = 60) => new()
    {
        Name = "tiny",
        Hidden = [16, 16],
        Activation = Activation.Tanh,
        Init = RunInit.XavierUniform,
        LearningRate = 0.05,
        Updates = updates,
        EvaluateEvery = 20,
        EvaluationExamples = 50,
        ProbeEvery = 30,
        ProbeExamples = 20,
        WeightGradientExamples = 5,
        HistogramBins = 10,
        CheckpointEvery = 25,
        Seed = 7,
    };
}
