using Glorot.Lab.Claims;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Claims;

public sealed class SigmoidClaimsTests
{
    [Fact]
    public void Top_layer_collapse_holds_when_it_drops_below_0_1_early_and_the_lower_layers_stay_at_0_5()
    {
        using var temp = new TempDirectory();
        var run = new FakeRun(temp.Path, "sigmoid").Means(0, 0.5, 0.499, 0.5, 0.5).Means(1000, 0.5, 0.53, 0.68, 0.04)
            .Means(5000, 0.5, 0.56, 0.75, 0.015).Write();
        var result = SigmoidClaims.TopLayerCollapse(run);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Contains("1,000", result.Measured);
    }

    [Fact]
    public void Top_layer_collapse_does_not_hold_when_a_lower_layer_falls_or_the_top_layer_stays_up_for_2_epochs()
    {
        using var temp = new TempDirectory();
        var falls = new FakeRun(temp.Path, "a").Means(0, 0.5, 0.5, 0.5, 0.5).Means(1000, 0.3, 0.53, 0.68, 0.04).Write();
        Assert.Equal(Verdict.DoesNotHold, SigmoidClaims.TopLayerCollapse(falls).Verdict);
        var stays = new FakeRun(temp.Path, "b").Means(0, 0.5, 0.5, 0.5, 0.5).Means(40_000, 0.5, 0.6, 0.7, 0.2).Write();
        Assert.Equal(Verdict.DoesNotHold, SigmoidClaims.TopLayerCollapse(stays).Verdict);
        var late = new FakeRun(temp.Path, "c").Means(0, 0.5, 0.5, 0.5, 0.5).Means(60_000, 0.5, 0.6, 0.7, 0.05).Write();
        Assert.Equal(Verdict.DoesNotHold, SigmoidClaims.TopLayerCollapse(late).Verdict);
    }

    [Fact]
    public void Top_layer_collapse_is_not_reached_in_a_short_run_or_without_the_run()
    {
        using var temp = new TempDirectory();
        var shortRun = new FakeRun(temp.Path, "sigmoid").Means(0, 0.5, 0.5, 0.5, 0.5).Means(5000, 0.5, 0.6, 0.7, 0.3).Write();
        Assert.Equal(Verdict.NotReached, SigmoidClaims.TopLayerCollapse(shortRun).Verdict);
        var missing = SigmoidClaims.TopLayerCollapse(new FakeRun(temp.Path, "none").Open());
        Assert.Equal(Verdict.NotReached, missing.Verdict);
        Assert.Contains("missing", missing.Measured);
    }

    private static FakeRun AtChance(string dir, string name, long end) =>
        new FakeRun(dir, name).Spec(1000).Metric(0, 0.84).Metric(end / 2, 0.83).Metric(end, 0.835);

    [Fact]
    public void Depth_five_holds_when_it_stays_at_chance_for_2_5_M_updates_and_depth_four_escapes()
    {
        using var temp = new TempDirectory();
        var five = AtChance(temp.Path, "sigmoid-5", 2_500_000).Write();
        var four = new FakeRun(temp.Path, "sigmoid").Spec(1000).Metric(0, 0.84).Metric(650_000, 0.8).Metric(2_500_000, 0.35).Write();
        Assert.Equal(Verdict.Holds, SigmoidClaims.DepthFiveNeverEscapes(five, four).Verdict);
    }

    [Fact]
    public void Depth_five_does_not_hold_when_it_escapes_or_when_neither_escapes_in_a_full_run()
    {
        using var temp = new TempDirectory();
        var escapes = new FakeRun(temp.Path, "a").Spec(1000).Metric(0, 0.84).Metric(100_000, 0.6).Write();
        var four = new FakeRun(temp.Path, "b").Spec(1000).Metric(0, 0.84).Metric(2_500_000, 0.35).Write();
        Assert.Equal(Verdict.DoesNotHold, SigmoidClaims.DepthFiveNeverEscapes(escapes, four).Verdict);
        var five = AtChance(temp.Path, "c", 2_500_000).Write();
        var stuck = AtChance(temp.Path, "d", 2_500_000).Write();
        Assert.Equal(Verdict.DoesNotHold, SigmoidClaims.DepthFiveNeverEscapes(five, stuck).Verdict);
    }

    [Fact]
    public void Depth_five_is_not_reached_without_its_run_or_in_short_runs()
    {
        using var temp = new TempDirectory();
        var four = AtChance(temp.Path, "sigmoid", 5000).Write();
        var missing = SigmoidClaims.DepthFiveNeverEscapes(new FakeRun(temp.Path, "sigmoid-5").Open(), four);
        Assert.Equal(Verdict.NotReached, missing.Verdict);
        Assert.Contains("full profile", missing.Note);
        var five = AtChance(temp.Path, "five", 5000).Write();
        Assert.Equal(Verdict.NotReached, SigmoidClaims.DepthFiveNeverEscapes(five, four).Verdict);
    }
}
