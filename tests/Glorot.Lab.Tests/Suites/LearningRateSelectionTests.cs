using System.Text.Json;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class LearningRateSelectionTests
{
    private static readonly SuiteOptions TwoRates = new() { Profile = SuiteProfile.Tiny, LearningRates = [0.01, 0.3] };

    [Fact]
    public void Every_candidate_pauses_at_the_budget_and_the_winner_is_the_lowest_validation_error_trained_to_the_end()
    {
        using var temp = new TempDirectory();
        var result = SuiteRunner.Run(TwoRates, temp.Path);
        long budget = Glorot2010Suite.SelectionUpdates(SuiteProfile.Tiny);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, LearningRateSelection.FileName)));
        var networks = json.RootElement.GetProperty("networks").EnumerateArray().ToList();
        Assert.Equal(5, networks.Count);
        foreach (var network in networks)
        {
            string name = network.GetProperty("instance").GetString()!;
            var candidates = network.GetProperty("candidates").EnumerateArray().ToList();
            Assert.Equal([0.01, 0.3], candidates.Select(c => c.GetProperty("learning_rate").GetDouble()));
            var errors = candidates.Select(c => c.GetProperty("validation_error").GetDouble()).ToList();
            double chosen = network.GetProperty("chosen_learning_rate").GetDouble();
            // The rule: lowest validation error at the budget, ties to the smaller rate.
            double expected = errors[1] < errors[0] ? 0.3 : 0.01;
            Assert.Equal(expected, chosen);
            string winner = $"{name}@lr={LearningRateGrid.Format(chosen)}", loser = $"{name}@lr={LearningRateGrid.Format(chosen == 0.3 ? 0.01 : 0.3)}";
            Assert.Equal(RunStatus.Completed, result.Runs.Single(r => r.Name == winner).Status);
            var lost = result.Runs.Single(r => r.Name == loser);
            Assert.Equal(RunStatus.Paused, lost.Status);
            Assert.Equal(budget, lost.Steps);
        }
        Assert.Contains("Learning-rate selection", File.ReadAllText(result.Report));
    }

    [Fact]
    public void The_winner_resumed_from_the_budget_is_bit_identical_to_training_it_straight_through()
    {
        using var temp = new TempDirectory();
        SuiteRunner.Run(TwoRates, temp.Sub("suite"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Sub("suite"), LearningRateSelection.FileName)));
        var tanh = json.RootElement.GetProperty("networks").EnumerateArray().Single(n => n.GetProperty("instance").GetString() == "tanh");
        string winner = tanh.GetProperty("chosen_run").GetString()!;
        var spec = RunSpecJson.Load(Path.Combine(temp.Sub("suite"), "runs", winner, "spec.json"));
        var straight = Runner.Run(spec, temp.Sub("straight"));
        foreach (var file in new[] { "metrics.csv", "probe_summary.csv", "probe_histograms.csv", "probes.jsonl", "spec.json" })
            Assert.Equal(File.ReadAllText(Path.Combine(straight.Directory.Root, file)), File.ReadAllText(Path.Combine(temp.Sub("suite"), "runs", winner, file)));
    }

    [Fact]
    public void A_diverging_candidate_loses_and_is_recorded_with_its_update_and_layer_without_stopping_the_suite()
    {
        using var temp = new TempDirectory();
        // 1e30 makes a tanh network's weights overflow float within a few updates (RunnerTests).
        var result = SuiteRunner.Run(TwoRates with { LearningRates = [0.05, 1e30] }, temp.Path);
        string csv = File.ReadAllText(Path.Combine(temp.Path, "selection.csv"));
        foreach (var name in new[] { "tanh", "tanh-n" })
        {
            Assert.Equal(RunStatus.Completed, result.Runs.Single(r => r.Name == $"{name}@lr=0.05").Status);
            Assert.Equal(RunStatus.Diverged, result.Runs.Single(r => r.Name == $"{name}@lr=1E+30").Status);
            Assert.Matches($"(?m)^{name},1,1E\\+30,{name}@lr=1E\\+30,diverged,,20,\\d+,-?\\d+,no$", csv);
            Assert.Matches($"(?m)^{name},1,0.05,{name}@lr=0.05,reached,[0-9.E-]+,20,,,yes$", csv);
        }
        Assert.Contains("diverged at update", File.ReadAllText(result.Report));
    }

    [Fact]
    public void Ties_go_to_the_smaller_rate_and_a_missing_candidate_blocks_the_choice()
    {
        using var temp = new TempDirectory();
        var plan = SuitePlan.Of(TwoRates);
        var instance = plan.Instances[0];
        foreach (var candidate in instance.Candidates)
        {
            string dir = temp.Sub(candidate.Name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "metrics.csv"), string.Join(",", Runner.MetricsColumns) + "\n0,0,,,2.2,0.8,2.2,0.8\n20,200,2,0.7,1.9,0.4,1.9,0.4\n");
        }
        var choice = LearningRateSelection.Choose(instance, 20, name => new RunDirectory(temp.Sub(name)));
        Assert.Equal(0.01, choice.Chosen!.LearningRate);

        var missing = LearningRateSelection.Choose(instance, 20, name => name.EndsWith("0.3", StringComparison.Ordinal) ? null : new RunDirectory(temp.Sub(name)));
        Assert.Null(missing.Chosen);
        Assert.Equal("sigmoid@lr=0.3", Assert.Single(missing.Missing).Run);
    }

    [Fact]
    public void The_half_decade_grid_is_the_papers_search_range_rounded_to_three_digits()
    {
        Assert.Equal([0.001, 0.00316, 0.01, 0.0316, 0.1, 0.316, 1], LearningRateGrid.HalfDecades(1e-3, 1));
        Assert.Equal("0.0316", LearningRateGrid.Format(LearningRateGrid.HalfDecades(1e-2, 1e-1)[1]));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("0.1,0", "not a positive number")]
    [InlineData("-0.1", "not a positive number")]
    [InlineData("0.1,abc", "'abc' is not a number")]
    [InlineData("0.1,0.1", "twice")]
    public void A_bad_grid_is_refused_with_one_line_naming_the_problem(string text, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => LearningRateGrid.Parse(text));
        Assert.Contains(message, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
