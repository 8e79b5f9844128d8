using Glorot.Lab.Claims;
using Glorot.Lab.Experiments;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Lab.Tests.Experiments;

public sealed class ConditionsSuiteTests
{
    [Fact]
    public void Conditions_are_those_of_the_probe_record_of_the_network()
    {
        // Hand-set weights of known population variance: layer 1 alternates ±0.5 (variance 0.25), the others are a
        // constant 0.25 (variance 0, whatever its size: Var is about the weights' mean).
        var mlp = new Mlp([4, 8, 8, 8, 3], Activation.Tanh, WeightFills.Normalized, seed: 2);
        var w0 = mlp.CopyWeight(0);
        for (int i = 0; i < w0.Length; i++) w0[i] = i % 2 == 0 ? 0.5f : -0.5f;
        mlp.SetWeight(0, w0);
        mlp.SetWeight(1, Enumerable.Repeat(0.25f, 8 * 8).ToArray());
        float[] inputs = [.. Enumerable.Range(0, 5 * 4).Select(i => (float)Math.Sin(i + 1))];
        int[] labels = [0, 1, 2, 0, 1];
        var record = new NetworkProbe(mlp).Measure(inputs, labels, step: 7);
        var point = ConditionPoint.From(record);
        Assert.Equal(7, point.Step);
        Assert.Equal([4 * 0.25, 0], point.FanInVariance[..2]);
        Assert.Equal([8 * 0.25, 0], point.FanOutVariance[..2]);
        // Constant weights into layer 2: every unit of layer 2 is the same, so the ratios come straight from the record's stds.
        Assert.Equal(2, point.ActivationRatio.Length);
        Assert.Equal(Math.Pow(record.Layers[1].Activations.Std / record.Layers[0].Activations.Std, 2), point.ActivationRatio[0], 1e-12);
        Assert.Equal(Math.Pow(record.Layers[1].BackpropGradients.Std / record.Layers[2].BackpropGradients.Std, 2), point.GradientRatio[1], 1e-12);
    }

    [Fact]
    public void The_tiny_profile_starts_normalized_layers_at_n_var_w_1()
    {
        using var temp = new TempDirectory();
        var outcome = ExperimentRunner.Run(new ConditionsSuite(), new ExperimentContext(SuiteProfile.Tiny, 1, temp.Path));
        Assert.Equal(3, outcome.Claims.Count);
        Assert.Equal(Verdict.Holds, outcome.Claims[0].Verdict);
        Assert.True(File.Exists(Path.Combine(temp.Path, "figures", "conditions-n-var-w.csv")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "figures", "conditions-variance-ratios.csv")));
    }
}
