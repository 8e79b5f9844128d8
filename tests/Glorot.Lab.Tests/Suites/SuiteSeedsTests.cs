using System.Globalization;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Suites;

public sealed class SuiteSeedsTests
{
    [Fact]
    public void Several_seeds_give_mean_and_std_in_Table_1_and_Fig_11_and_a_Welch_test_of_tanh_against_tanh_n()
    {
        using var temp = new TempDirectory();
        var result = SuiteRunner.Run(new SuiteOptions { Profile = SuiteProfile.Tiny, Seed = 4, Seeds = 3 }, temp.Path);
        Assert.Equal(15, result.Runs.Count);
        Assert.Contains("\"seed\": 6", File.ReadAllText(Path.Combine(temp.Path, "runs", "tanh@seed=6", "spec.json")));

        var table = File.ReadAllLines(Path.Combine(temp.Path, "table1.csv"));
        Assert.EndsWith(",seeds,measured_test_error_std_percent,test_error_at_best_validation_std_percent", table[0]);
        var tanh = table.Single(l => l.StartsWith("Tanh,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("completed 3/3", tanh[6]);
        Assert.Equal("3", tanh[7]);
        // The mean is the mean of the three runs' last test errors.
        var ends = new[] { 4, 5, 6 }.Select(s => 100 * Metrics(temp.Path, $"tanh@seed={s}")).ToList();
        Assert.Equal(Math.Round(ends.Average(), 4), double.Parse(tanh[3], CultureInfo.InvariantCulture), 9);

        var fig11 = File.ReadAllLines(Path.Combine(temp.Path, "figures", "fig11-test-error.csv"));
        Assert.Equal("network,step,examples_seen,test_error_percent,test_error_std_percent,seeds", fig11[0]);
        var significance = File.ReadAllLines(Path.Combine(temp.Path, "table1-significance.csv"));
        Assert.StartsWith("Tanh,Tanh N,end_of_run_test_error,3,3,", significance[1]);
        string html = File.ReadAllText(result.Report);
        Assert.Contains("Welch's t-test (two-sided, α = 0.05)", html);
        Assert.Contains(" ± ", html);
    }

    private static double Metrics(string root, string run) =>
        double.Parse(File.ReadAllLines(Path.Combine(root, "runs", run, "metrics.csv"))[^1].Split(',')[7], CultureInfo.InvariantCulture);
}
