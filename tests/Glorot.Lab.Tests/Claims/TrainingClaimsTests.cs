using Glorot.Lab.Claims;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Claims;

public sealed class TrainingClaimsTests
{
    [Fact]
    public void Weight_gradients_during_training_hold_when_standard_grows_at_the_bottom_and_normalized_stays_closer()
    {
        using var temp = new TempDirectory();
        var standard = new FakeRun(temp.Path, "tanh").Stds(0, "weight_gradient", 0.002, 0.002, 0.002).Stds(5000, "weight_gradient", 0.0073, 0.0035, 0.0019).Write();
        var normalized = new FakeRun(temp.Path, "tanh-n").Stds(0, "weight_gradient", 0.012, 0.012, 0.012).Stds(5000, "weight_gradient", 0.007, 0.005, 0.0066).Write();
        var result = TrainingClaims.WeightGradientsDuringTraining(standard, normalized);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Contains("layer 1/top 3.84", result.Measured);
    }

    [Fact]
    public void Weight_gradients_during_training_are_not_reached_early_and_do_not_hold_after_95_epochs()
    {
        using var temp = new TempDirectory();
        var flatEarly = new FakeRun(temp.Path, "a").Stds(5000, "weight_gradient", 0.002, 0.002, 0.002).Write();
        var normalized = new FakeRun(temp.Path, "b").Stds(5000, "weight_gradient", 0.007, 0.005, 0.0066).Write();
        Assert.Equal(Verdict.NotReached, TrainingClaims.WeightGradientsDuringTraining(flatEarly, normalized).Verdict);
        var flatLate = new FakeRun(temp.Path, "c").Stds(1_900_000, "weight_gradient", 0.002, 0.002, 0.002).Write();
        var normalizedLate = new FakeRun(temp.Path, "d").Stds(1_900_000, "weight_gradient", 0.007, 0.005, 0.0066).Write();
        Assert.Equal(Verdict.DoesNotHold, TrainingClaims.WeightGradientsDuringTraining(flatLate, normalizedLate).Verdict);
        Assert.Equal(Verdict.NotReached, TrainingClaims.WeightGradientsDuringTraining(new FakeRun(temp.Path, "none").Open(), normalized).Verdict);
    }

    private static RunEvidence Final(string dir, string name, long end, double error) =>
        new FakeRun(dir, name).Spec(10_000).Metric(0, 0.88).Metric(end, error).Write();

    [Fact]
    public void Final_errors_hold_at_2_5_M_updates_when_normalized_is_lower()
    {
        using var temp = new TempDirectory();
        const long end = 2_500_000;
        var result = TrainingClaims.NormalizedEndsLower(Final(temp.Path, "tanh", end, 0.2715), Final(temp.Path, "tanh-n", end, 0.156),
            Final(temp.Path, "softsign", end, 0.1627), Final(temp.Path, "softsign-n", end, 0.1606));
        Assert.Equal(Verdict.Holds, result.Verdict);
        // Softsign N a little above Softsign, within noise, still "at or below"; Tanh N not below Tanh: does not hold.
        var reversed = TrainingClaims.NormalizedEndsLower(Final(temp.Path, "a", end, 0.156), Final(temp.Path, "b", end, 0.2715),
            Final(temp.Path, "c", end, 0.1606), Final(temp.Path, "d", end, 0.1627));
        Assert.Equal(Verdict.DoesNotHold, reversed.Verdict);
    }

    [Fact]
    public void Final_errors_are_not_reached_in_short_runs_or_without_runs()
    {
        using var temp = new TempDirectory();
        var result = TrainingClaims.NormalizedEndsLower(Final(temp.Path, "tanh", 5000, 0.763), Final(temp.Path, "tanh-n", 5000, 0.741),
            Final(temp.Path, "softsign", 5000, 0.771), Final(temp.Path, "softsign-n", 5000, 0.743));
        Assert.Equal(Verdict.NotReached, result.Verdict);
        Assert.Contains("Tanh 76.3 %", result.Measured);
        var missing = TrainingClaims.NormalizedEndsLower(Final(temp.Path, "x", 5000, 0.7), new FakeRun(temp.Path, "none").Open(),
            Final(temp.Path, "y", 5000, 0.7), Final(temp.Path, "z", 5000, 0.7));
        Assert.Equal(Verdict.NotReached, missing.Verdict);
    }
}
