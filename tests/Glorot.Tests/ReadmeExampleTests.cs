using Glorot.Data;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Tests;

/// <summary>The example of src/Glorot/README.md (the NuGet package's page) and README.md, run as written (fewer updates).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_package_readme_example_runs_and_learns()
    {
        // --- as in the README, with 300 updates instead of 2000 ---
        var w = Initializers.XavierUniform(gain: 5.0 / 3).Create([256, 1024], seed: 1);
        Console.WriteLine($"std {w.Std():F4} (eq. 16 with tanh's gain: {5.0 / 3 * Math.Sqrt(2.0 / 1280):F4}), max {w.Max():F4}");

        var data = Shapeset.Training(seed: 1);
        var mlp = new Mlp(data.InputSize, [256, 256], data.ClassCount, Activation.Parse("tanh"));
        mlp.Initialize(WeightFills.From(Initializers.XavierUniform()), seed: 1);
        var sgd = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.05f, Momentum = 0.9f }, batchSize: 10);
        var (x, y) = (new float[10 * data.InputSize], new int[10]);
        for (long step = 0; step < 300; step++)
        {
            data.Fill([.. Enumerable.Range(0, 10).Select(i => step * 10 + i)], x, y);
            sgd.Step(x, y);
        }

        var test = Shapeset.Test(count: 300);
        var (tx, ty) = (new float[300 * data.InputSize], new int[300]);
        test.Fill([.. Enumerable.Range(0, 300).Select(i => (long)i)], tx, ty);
        double loss = sgd.Pass.Evaluate(tx, ty, out int correct);
        Console.WriteLine($"test loss {loss:F3}, error {1 - correct / 300.0:P1}");
        foreach (var layer in NetworkProbe.Measure(sgd, tx, ty).Layers)
            Console.WriteLine($"layer {layer.Layer}: activation std {layer.Activations.Std:F3}, dL/ds std {layer.BackpropGradients.Std:E2}");
        // --- end of the README's code ---

        Assert.InRange(w.Std(), 0.99 * 5.0 / 3 * Math.Sqrt(2.0 / 1280), 1.01 * 5.0 / 3 * Math.Sqrt(2.0 / 1280));
        Assert.Equal(300, sgd.StepCount);
        // Shapeset has 9 classes: chance is 1/9 correct; 300 updates of momentum SGD must do better.
        Assert.True(correct > 300 / 9 * 1.5, $"{correct} of 300 correct");
        Assert.Equal(2, NetworkProbe.Measure(sgd, tx, ty).Layers.Count);
    }
}
