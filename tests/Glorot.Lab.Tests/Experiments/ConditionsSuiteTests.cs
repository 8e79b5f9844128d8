using Glorot.Lab.Claims;
using Glorot.Lab.Experiments;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;
using Glorot.Nn;

namespace Glorot.Lab.Tests.Experiments;

public sealed class ConditionsSuiteTests
{
    [Fact]
    public void Conditions_are_n_times_the_weights_second_moment_and_ratios_follow_the_layers_variances()
    {
        // Constant weights c: Var(W) as the second moment is c², so n_in·Var(W) = n_in·c² exactly (up to float c²).
        var mlp = new Mlp([4, 8, 8, 8, 3], Activation.Identity);
        mlp.Initialize(WeightFills.From(Glorot.Init.Schemes.Create("constant", new Glorot.Init.InitOptions { Value = 0.25 })), 1);
        float[] inputs = [.. Enumerable.Range(0, 5 * 4).Select(i => (float)Math.Sin(i + 1))];
        int[] labels = [0, 1, 2, 0, 1];
        var point = ConditionPoint.Measure(0, mlp, new SgdTrainer(mlp, new SgdOptions(), 5), inputs, labels);
        Assert.Equal([4 * 0.0625, 8 * 0.0625, 8 * 0.0625], point.FanInVariance, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([8 * 0.0625, 8 * 0.0625, 8 * 0.0625], point.FanOutVariance, (a, b) => Math.Abs(a - b) < 1e-9);
        // Linear units with constant weights c: every unit of layer k+1 is c·(sum of layer k's 8 equal units) = 8c·z = 2z,
        // so the activation variance grows by 2² = 4 per layer.
        Assert.All(point.ActivationRatio, r => Assert.Equal(4, r, 1e-4));
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
