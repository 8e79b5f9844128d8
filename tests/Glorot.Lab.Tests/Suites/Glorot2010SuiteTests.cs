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
            Assert.Equal(run.Spec.Name.EndsWith("-n", StringComparison.Ordinal) ? "xavier-uniform" : "standard", run.Spec.Init.Name);
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

public sealed class Glorot2010SuiteProfileTests
{
    [Fact]
    public void The_medium_profile_trains_the_papers_networks_at_full_width_long_enough_for_the_phenomena()
    {
        var plan = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Medium });
        Assert.Equal(["sigmoid", "tanh", "tanh-n", "softsign", "softsign-n"], plan.Networks.Select(r => r.Spec.Name));
        foreach (var run in plan.Networks)
        {
            Assert.All(run.Spec.Hidden, w => Assert.Equal(1000, w));
            Assert.Equal(run.Spec.Name == "tanh" ? 500_000 : 160_000, run.Spec.Updates); // 8 paper epochs; 25 for Fig. 3
            Assert.Equal(2_000, run.Spec.ProbeEvery);
            Assert.Equal(300, run.Spec.ProbeExamples);
            Assert.Equal(10_000, run.Spec.EvaluateEvery);
            Assert.True(run.Spec.EvaluationExamples >= 5_000);
            Assert.Equal(3, run.LearningRates.Count);
            Assert.Contains(run.Spec.LearningRate, run.LearningRates); // the grid is centred on the quick profile's rate
        }
        Assert.Equal(20_000, plan.SelectionUpdates);
        Assert.All(plan.AllRuns, r => RunSpecJson.Validate(r));
        Assert.Equal(15, plan.AllRuns.Count());
        Assert.Contains("tanh@lr=0.0316", plan.AllRuns.Select(r => r.Name));
    }

    [Fact]
    public void The_narrow_profile_is_the_papers_protocol_at_a_reduced_width()
    {
        var plan = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Narrow });
        Assert.Equal(6, plan.Networks.Count);
        Assert.Contains(plan.Networks, r => r.Spec.Name == "sigmoid-5");
        Assert.All(plan.Networks, r => Assert.Equal(2_500_000, r.Spec.Updates));
        Assert.All(plan.Networks, r => Assert.All(r.Spec.Hidden, w => Assert.True(w <= 256)));
        Assert.All(plan.Networks.Where(r => r.Spec.Activation != Activation.Sigmoid), r => Assert.Equal([0.001, 0.00316, 0.01, 0.0316, 0.1, 0.316, 1], r.LearningRates));
    }

    [Fact]
    public void Width_replaces_every_hidden_layers_size_and_reaches_the_differences()
    {
        var options = new SuiteOptions { Profile = SuiteProfile.Medium, Width = 64 };
        Assert.All(SuitePlan.Of(options).AllRuns, r => Assert.All(r.Hidden, w => Assert.Equal(64, w)));
        Assert.Contains(Glorot2010Suite.Differences(options), l => l.Contains("64 units", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_make_one_instance_per_network_and_seed_each_with_its_own_seed()
    {
        var plan = SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Tiny, Seed = 5, Seeds = 3 });
        Assert.Equal(15, plan.Instances.Count);
        Assert.Equal(["tanh@seed=5", "tanh@seed=6", "tanh@seed=7"], plan.Instances.Where(i => i.Network.Spec.Name == "tanh").Select(i => i.Name));
        Assert.All(plan.Instances, i => Assert.Equal(i.Seed, i.Candidates[0].Seed));
    }

    [Theory]
    [InlineData(0, null, "--width 0")]
    [InlineData(5000, null, "--width 5000")]
    [InlineData(null, 0, "--seeds 0")]
    public void Bad_options_are_refused_with_one_line_naming_them(int? width, int? seeds, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => SuitePlan.Of(new SuiteOptions { Profile = SuiteProfile.Tiny, Width = width, Seeds = seeds ?? 1 }));
        Assert.Contains(message, ex.Message);
    }
}
