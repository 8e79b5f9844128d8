using Glorot.Lab.Runs;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Tests.Suites;

public sealed class Glorot2010SuiteTests
{
    [Theory]
    [InlineData(SuiteProfile.Quick)]
    [InlineData(SuiteProfile.Full)]
    public void Every_network_is_the_papers_shape_batch_size_and_data(SuiteProfile profile)
    {
        var runs = Glorot2010Suite.Runs(profile);
        foreach (var run in runs)
        {
            RunSpecJson.Validate(run.Spec);
            Assert.All(run.Spec.Hidden, w => Assert.Equal(1000, w));
            Assert.Equal(10, run.Spec.BatchSize);
            Assert.Equal("shapeset", run.Spec.Dataset);
            Assert.Equal(300, run.Spec.ProbeExamples);
            int depth = run.Spec.Hidden.Length;
            Assert.Equal(run.Spec.Name == "sigmoid" ? 4 : 5, depth);
            Assert.Equal(run.Spec.Name.EndsWith("-n", StringComparison.Ordinal) ? "xavier-uniform" : "standard", run.Spec.Init);
        }
        Assert.Equal(["sigmoid", "tanh", "tanh-n", "softsign", "softsign-n"], runs.Take(5).Select(r => r.Spec.Name));
    }

    [Fact]
    public void The_full_profile_trains_as_long_as_the_papers_figures_and_adds_the_depth_5_sigmoid()
    {
        var runs = Glorot2010Suite.Runs(SuiteProfile.Full);
        Assert.Equal(2_800_000, runs.Single(r => r.Spec.Name == "sigmoid").Spec.Updates);  // Fig. 2: 140 epochs of 20k
        Assert.All(runs.Where(r => r.Spec.Name != "sigmoid"), r => Assert.Equal(2_500_000, r.Spec.Updates)); // Fig. 11: 25 M examples
        Assert.All(runs, r => Assert.Equal(20_000, r.Spec.ProbeEvery));
        Assert.Equal(82.61, runs.Single(r => r.Spec.Name == "sigmoid-5").PaperTestError);
    }

    [Fact]
    public void Table_1_values_are_the_papers()
    {
        var paper = Glorot2010Suite.Runs(SuiteProfile.Quick).ToDictionary(r => r.Label, r => r.PaperTestError);
        Assert.Equal(16.27, paper["Softsign"]);
        Assert.Equal(16.06, paper["Softsign N"]);
        Assert.Equal(27.15, paper["Tanh"]);
        Assert.Equal(15.60, paper["Tanh N"]);
    }

    [Fact]
    public void The_seed_reaches_every_run()
    {
        Assert.All(Glorot2010Suite.Runs(SuiteProfile.Quick, seed: 42), r => Assert.Equal(42UL, r.Spec.Seed));
    }

    [Fact]
    public void The_quick_profile_says_what_differs_from_the_paper()
    {
        var lines = Glorot2010Suite.Differences(SuiteProfile.Quick);
        Assert.Contains(lines, l => l.Contains("5,000 updates per network", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Learning rates", StringComparison.Ordinal));
    }
}
