using Glorot.Lab.Claims;
using Glorot.Lab.Runs;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Claims;

public sealed class SaturationClaimsTests
{
    [Fact]
    public void Tanh_saturation_holds_when_the_layers_saturate_bottom_up()
    {
        using var temp = new TempDirectory();
        var run = new FakeRun(temp.Path, "tanh").AbsP98(0, 0.7, 0.4, 0.2, 0.1, 0.07).AbsP98(80_000, 0.995, 0.8, 0.5, 0.3, 0.2)
            .AbsP98(400_000, 1, 0.99, 0.9, 0.6, 0.3).AbsP98(1_800_000, 1, 1, 1, 1, 0.992).Write();
        var result = SaturationClaims.TanhSaturatesInOrder(run);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Contains("L1 80,000 (4 ep)", result.Measured);
        Assert.Contains("L5 1,800,000 (90 ep)", result.Measured);
    }

    [Fact]
    public void Tanh_saturation_does_not_hold_out_of_order_or_incomplete_after_95_epochs()
    {
        using var temp = new TempDirectory();
        var outOfOrder = new FakeRun(temp.Path, "a").AbsP98(0, 0.7, 0.4, 0.2, 0.1, 0.07).AbsP98(5000, 0.9, 0.995, 0.5, 0.3, 0.2).Write();
        Assert.Equal(Verdict.DoesNotHold, SaturationClaims.TanhSaturatesInOrder(outOfOrder).Verdict);
        var incomplete = new FakeRun(temp.Path, "b").AbsP98(0, 0.7, 0.4, 0.2, 0.1, 0.07).AbsP98(1_900_000, 1, 1, 0.9, 0.6, 0.3).Write();
        Assert.Equal(Verdict.DoesNotHold, SaturationClaims.TanhSaturatesInOrder(incomplete).Verdict);
    }

    [Fact]
    public void Tanh_saturation_is_not_reached_in_a_short_run_or_from_probes_without_abs_p98()
    {
        using var temp = new TempDirectory();
        var partial = new FakeRun(temp.Path, "tanh").AbsP98(0, 0.7, 0.4, 0.2, 0.1, 0.07).AbsP98(100_000, 0.995, 0.8, 0.5, 0.3, 0.2).Write();
        Assert.Equal(Verdict.NotReached, SaturationClaims.TanhSaturatesInOrder(partial).Verdict);
        var old = new FakeRun(temp.Path, "old").Stds(0, "activation", 0.3, 0.2).Write();
        var result = SaturationClaims.TanhSaturatesInOrder(old);
        Assert.Equal(Verdict.NotReached, result.Verdict);
        Assert.Contains("abs_p98", result.Measured);
    }

    [Fact]
    public void Normalized_plateau_holds_early_and_together_and_not_when_spread_or_late()
    {
        using var temp = new TempDirectory();
        var together = new FakeRun(temp.Path, "a").AbsP98(0, 0.7, 0.7, 0.7, 0.7, 0.7).AbsP98(60_000, 0.96, 0.97, 0.96, 0.97, 0.95).Write();
        Assert.Equal(Verdict.Holds, SaturationClaims.NormalizedReachesPlateauTogether(together).Verdict);
        var spread = new FakeRun(temp.Path, "b").AbsP98(0, 0.7, 0.7, 0.7, 0.7, 0.7).AbsP98(20_000, 0.96, 0.8, 0.8, 0.8, 0.8)
            .AbsP98(140_000, 0.96, 0.97, 0.96, 0.97, 0.8).Write();
        Assert.Equal(Verdict.DoesNotHold, SaturationClaims.NormalizedReachesPlateauTogether(spread).Verdict);
        var late = new FakeRun(temp.Path, "c").AbsP98(0, 0.7, 0.7, 0.7, 0.7, 0.7).AbsP98(200_000, 0.9, 0.9, 0.9, 0.9, 0.9).Write();
        Assert.Equal(Verdict.DoesNotHold, SaturationClaims.NormalizedReachesPlateauTogether(late).Verdict);
        var early = new FakeRun(temp.Path, "d").AbsP98(0, 0.7, 0.7, 0.7, 0.7, 0.7).AbsP98(5000, 0.9, 0.85, 0.8, 0.8, 0.8).Write();
        Assert.Equal(Verdict.NotReached, SaturationClaims.NormalizedReachesPlateauTogether(early).Verdict);
    }

    [Fact]
    public void Large_fraction_is_the_density_mass_beyond_0_9_splitting_cut_bins()
    {
        // Four bins of width 0.5 over [−1, 1] with densities 0.2, 0.8, 0.8, 0.2 (area 1): |a| > 0.9 takes a fifth of each outer bin.
        var bins = new[] { (-1.0, -0.5, 0.2), (-0.5, 0.0, 0.8), (0.0, 0.5, 0.8), (0.5, 1.0, 0.2) }
            .Select(b => new HistogramBin(0, 1, "activation", b.Item1, b.Item2, b.Item3)).ToList();
        Assert.Equal(2 * 0.2 * 0.1, SaturationClaims.LargeFraction(bins), 12);
    }

    private static FakeRun Histograms(string dir, string name, long step, double outer)
    {
        // 20 bins over [−1, 1]; the outer bin on each side ([−1, −0.9), (0.9, 1]) holds `outer` of the mass.
        var densities = new double[20];
        for (int i = 0; i < 20; i++) densities[i] = i is 0 or 19 ? outer / 2 / 0.1 : (1 - outer) / 18 / 0.1;
        var run = new FakeRun(dir, name);
        for (int layer = 1; layer <= 3; layer++) run.Histogram(step, layer, "activation", -1, 1, densities);
        return run;
    }

    [Fact]
    public void Softsign_saturates_less_holds_does_not_hold_and_is_not_reached_as_the_fractions_say()
    {
        using var temp = new TempDirectory();
        var tanh = Histograms(temp.Path, "tanh", 5000, 0.3).Write();
        var softsign = Histograms(temp.Path, "softsign", 5000, 0.05).Write();
        var holds = SaturationClaims.SoftsignSaturatesLess(tanh, softsign);
        Assert.Equal(Verdict.Holds, holds.Verdict);
        Assert.Contains("tanh 30.0 %", holds.Measured);
        Assert.Equal(Verdict.DoesNotHold, SaturationClaims.SoftsignSaturatesLess(softsign, tanh).Verdict);
        var flat = Histograms(temp.Path, "flat", 5000, 0.01).Write();
        Assert.Equal(Verdict.NotReached, SaturationClaims.SoftsignSaturatesLess(flat, softsign).Verdict);
        Assert.Equal(Verdict.NotReached, SaturationClaims.SoftsignSaturatesLess(new FakeRun(temp.Path, "none").Open(), softsign).Verdict);
        var gradientsOnly = new FakeRun(temp.Path, "g").Histogram(5000, 1, "backprop_gradient", -1, 1, 0.5, 0.5).Write();
        Assert.Equal(Verdict.NotReached, SaturationClaims.SoftsignSaturatesLess(gradientsOnly, softsign).Verdict);
    }
}
