using Glorot.Lab.Claims;
using Glorot.Lab.Experiments;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Experiments;

public sealed class ClippingSuiteTests
{
    [Fact]
    public void The_tiny_profile_explodes_without_clipping_and_trains_with_it()
    {
        using var temp = new TempDirectory();
        var outcome = ExperimentRunner.Run(new ClippingSuite(), new ExperimentContext(SuiteProfile.Tiny, 1, temp.Path));
        Assert.All(outcome.Claims, c => Assert.True(c.Verdict == Verdict.Holds, $"claim {c.Id}: {c.Measured}"));
        Assert.True(File.Exists(Path.Combine(temp.Path, "figures", "clipping-gradient-norm.csv")));
    }

    [Fact]
    public void Clipping_changes_nothing_while_the_norm_stays_below_the_threshold()
    {
        // A threshold far above every gradient norm of a small-step run: the clipped run takes the same steps, so it
        // sees the same gradient norms and losses (up to the rounding of the unfused update path).
        var spec = ClippingSuite.Spec(SuiteProfile.Tiny, 2) with { LearningRate = 0.01, Updates = 30, EvaluateEvery = 30 };
        var data = new RunData(spec);
        var plain = ClippingSuite.Train(spec, data);
        var loose = ClippingSuite.Train(spec with { ClipGlobalNorm = 1e6 }, data);
        Assert.Null(plain.DivergedAt);
        Assert.True(plain.GradientNorm.Max() < 1e6);
        for (int t = 0; t < plain.Loss.Count; t++) Assert.Equal(plain.Loss[t], loose.Loss[t], 1e-4);
    }
}
