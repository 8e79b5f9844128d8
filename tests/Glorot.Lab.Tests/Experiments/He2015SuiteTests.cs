using Glorot.Lab.Claims;
using Glorot.Lab.Experiments;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Experiments;

public sealed class He2015SuiteTests
{
    private static He2015Evidence Evidence(string init, double ratio, params double[] testErrors) => new(init,
        [.. Enumerable.Range(0, 30).Select(l => Math.Pow(ratio, l))],
        [.. testErrors.Select((e, i) => new MetricRow(i * 100L, i * 1000L, null, e, e))], 100L * (testErrors.Length - 1));

    [Fact]
    public void Flat_he_and_halving_xavier_with_he_learning_hold_and_the_reverse_does_not()
    {
        var xavier = Evidence("xavier-normal", 1 / Math.Sqrt(2), 0.9, 0.9, 0.85);
        var he = Evidence("he-normal", 1.0, 0.9, 0.5, 0.3);
        Assert.Equal(1 / Math.Sqrt(2), xavier.PerLayerRatio, 1e-12);
        Assert.Equal(100, He2015Claims.StallEnd(xavier));
        Assert.All(He2015Claims.Evaluate(xavier, he), c => Assert.Equal(Verdict.Holds, c.Verdict));
        Assert.All(He2015Claims.Evaluate(he, xavier), c => Assert.Equal(Verdict.DoesNotHold, c.Verdict));
    }

    [Fact]
    public void The_tiny_profile_measures_the_init_claim_through_resumable_runs()
    {
        using var temp = new TempDirectory();
        var context = new ExperimentContext(SuiteProfile.Tiny, 1, temp.Path);
        var outcome = ExperimentRunner.Run(new He2015Suite(), context);
        // Layer std at init does not depend on the training budget: the tiny profile builds the quick profile's network.
        Assert.Equal(Verdict.Holds, outcome.Claims.Single(c => c.Id == 1).Verdict);
        Assert.True(File.Exists(Path.Combine(temp.Path, "runs", "he", "metrics.csv")));
        // A second invocation reads the finished runs instead of refusing their directories, and finds the same numbers.
        var again = ExperimentRunner.Run(new He2015Suite(), context);
        Assert.Equal(outcome.Claims.Select(c => c.Measured), again.Claims.Select(c => c.Measured));
    }
}
