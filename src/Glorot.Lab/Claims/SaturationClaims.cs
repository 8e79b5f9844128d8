using Glorot.Lab.Figures;

namespace Glorot.Lab.Claims;

/// <summary>Claims 3–5: which hidden layers saturate, and when (§3.2–3.3, Figs. 3, 4, 10).</summary>
internal static class SaturationClaims
{
    /// <summary>A layer is saturated once the 98th percentile of |z| reaches this (Fig. 3: the markers reach ±1).</summary>
    public const double Saturated = 0.99;

    /// <summary>Fig. 10's plateau: the markers sit at ≈±1; 0.95 leaves room for reading the plot.</summary>
    public const double Plateau = 0.95;

    /// <summary>Fig. 3 (top): layer 5 saturates at ≈epoch 90; by ≈95 epochs (the figure's end) all have.</summary>
    public const long SequenceWindow = 95 * PaperScale.Epoch;

    /// <summary>Fig. 10: "early" = within 10 epochs (the paper: ≈epoch 4).</summary>
    public const long EarlyWindow = 10 * PaperScale.Epoch;

    /// <summary>Fig. 10: "together" = first plateau steps of all layers within 5 epochs of each other.</summary>
    public const long TogetherSpread = 5 * PaperScale.Epoch;

    /// <summary>Claim 4: an activation counts as saturated-like when |a| exceeds this.</summary>
    public const double Large = 0.9;

    private static readonly double[] PaperSaturationEpochs = [4, 20, 35, 55, 90];

    public static ClaimResult TanhSaturatesInOrder(RunEvidence run)
    {
        const string claim = "Tanh, standard init: the layers saturate one after the other, layer 1 first.";
        const string criterion = "Saturation update of layer l = first probe where the 98th percentile of |z| ≥ 0.99. Holds: every layer saturates "
            + "and the updates do not decrease with l. Does not hold: a layer saturates before a lower one, or some layer has not by "
            + "95 epochs (1.9 M updates) of a run that long.";
        string paper = "Layers 1–5 saturate at ≈" + string.Join("/", PaperSaturationEpochs) + " epochs ("
            + string.Join("/", PaperSaturationEpochs.Select(e => $"{e * PaperScale.Epoch / 1000:N0}k")) + " updates).";
        ClaimResult Result(string measured, Verdict verdict, string note = "") =>
            new(3, claim, "Fig. 3 (top), §3.2", criterion, paper, measured, verdict, note);

        if (FirstReaching(run, Saturated) is not { } first) return Result(AbsP98Problem(run), Verdict.NotReached);
        string measured = Describe(run, first, "saturation");
        bool ordered = InOrder(first);
        if (!ordered) return Result(measured, Verdict.DoesNotHold);
        if (first.All(s => s is not null)) return Result(measured, Verdict.Holds);
        return run.LastProbeStep >= SequenceWindow
            ? Result(measured, Verdict.DoesNotHold)
            : Result(measured, Verdict.NotReached, $"The run ends at update {run.LastProbeStep:N0}; the paper's layer 5 saturates at ≈1.8 M.");
    }

    public static ClaimResult NormalizedReachesPlateauTogether(RunEvidence run)
    {
        const string claim = "Tanh, normalized init: all layers reach the 98th-percentile plateau early and together.";
        const string criterion = "Plateau update of layer l = first probe where the 98th percentile of |z| ≥ 0.95. Holds: every layer by "
            + "update 200,000 (10 epochs), all within 100,000 updates (5 epochs) of each other. Not reached: the run ends before that is decided.";
        const string paper = "98 percentiles at ±1 in all layers from ≈epoch 4; at epoch 0 std ≈0.3 and percentiles ≈±0.7 everywhere.";
        ClaimResult Result(string measured, Verdict verdict, string note = "") =>
            new(5, claim, "Fig. 10, §4.2.2", criterion, paper, measured, verdict, note);

        if (FirstReaching(run, Plateau) is not { } first) return Result(AbsP98Problem(run), Verdict.NotReached);
        string measured = Describe(run, first, "plateau");
        var reached = first.Where(s => s is not null).Select(s => s!.Value).ToList();
        bool all = reached.Count == first.Length;
        if (all)
            return Result(measured, reached.Max() <= EarlyWindow && reached.Max() - reached.Min() <= TogetherSpread ? Verdict.Holds : Verdict.DoesNotHold);
        long last = run.LastProbeStep;
        // Some layer has not reached it: already too late or too far apart, or undecided.
        if (last >= EarlyWindow || (reached.Count > 0 && last - reached.Min() > TogetherSpread)) return Result(measured, Verdict.DoesNotHold);
        return Result(measured, Verdict.NotReached, $"The run ends at update {last:N0}, before the 10-epoch window closes.");
    }

    public static ClaimResult SoftsignSaturatesLess(RunEvidence tanh, RunEvidence softsign)
    {
        const string claim = "Softsign saturates less than tanh.";
        const string criterion = "Fraction of hidden activations with |a| > 0.9 at each run's last probe (from the activation histograms, "
            + "pooled over layers and probe examples; bins cut at 0.9 are split in proportion). Holds: softsign's < tanh's, tanh's ≥ 2 %. "
            + "Not reached: tanh's < 2 % (tanh has not saturated yet) in a run shorter than 95 epochs.";
        const string paper = "End of training: tanh layers 1–4 pile up at ±1 (layer 5 peaks at 0); softsign's modes sit at the knees ±(0.6–0.8).";
        ClaimResult Result(string measured, Verdict verdict, string note = "") =>
            new(4, claim, "Figs. 3, 4, §3.3", criterion, paper, measured, verdict, note);

        if ((tanh.HistogramProblem ?? softsign.HistogramProblem) is { } problem) return Result(problem, Verdict.NotReached);
        if (new[] { tanh, softsign }.FirstOrDefault(r => !r.Histograms!.Any(b => b.Quantity == "activation" && b.Layer > 0)) is { } bare)
            return Result($"runs/{bare.Name} has no activation histograms", Verdict.NotReached);
        var (tanhStep, tanhLayers, tanhAll) = LargeFractions(tanh);
        var (softStep, softLayers, softAll) = LargeFractions(softsign);
        string measured = $"tanh {PaperScale.Percent(tanhAll)} (layers {string.Join("/", tanhLayers.Select(PaperScale.Percent))}) at update {tanhStep:N0}; "
            + $"softsign {PaperScale.Percent(softAll)} (layers {string.Join("/", softLayers.Select(PaperScale.Percent))}) at update {softStep:N0}";
        string note = tanhStep == softStep ? "" : "The two runs' last probes are at different updates.";
        if (tanhAll < 0.02 && tanhStep < SequenceWindow)
            return Result(measured, Verdict.NotReached, (note + " Tanh has not saturated by the end of this run.").Trim());
        return Result(measured, softAll < tanhAll ? Verdict.Holds : Verdict.DoesNotHold, note);
    }

    // First probe step per layer at which the 98th percentile of |z| reaches the threshold (null: not yet), or
    // null when the probes cannot say (missing, or written before abs_p98 existed).
    private static long?[]? FirstReaching(RunEvidence run, double threshold)
    {
        if (run.ProbeProblem is not null) return null;
        var rows = run.Probes!.Where(r => r.Quantity == "activation" && r.Layer > 0).ToList();
        if (rows.Count == 0 || rows.Any(r => r.AbsP98 is null)) return null;
        return [.. Enumerable.Range(1, run.Layers).Select(l =>
            rows.Where(r => r.Layer == l && r.AbsP98 >= threshold).Select(r => (long?)r.Step).DefaultIfEmpty(null).Min())];
    }

    private static string AbsP98Problem(RunEvidence run) =>
        run.ProbeProblem ?? $"runs/{run.Name}/probe_summary.csv has no abs_p98 values (written before the probes recorded them)";

    // Every saturated layer saturates no earlier than the layers below it, and no layer below a saturated one is unsaturated.
    private static bool InOrder(long?[] first)
    {
        for (int l = 1; l < first.Length; l++)
            if (first[l] is { } upper && (first[l - 1] is not { } lower || lower > upper)) return false;
        return true;
    }

    private static string Describe(RunEvidence run, long?[] first, string what)
    {
        long last = run.LastProbeStep;
        var final = run.At("activation", last).Select(r => r.AbsP98 ?? double.NaN);
        return $"{what} update of layers 1–{first.Length}: "
            + string.Join("; ", first.Select((s, i) => $"L{i + 1} " + (s is { } v ? PaperScale.Updates(v) : "—")))
            + $"; 98th pct of |z| at the last probe ({last:N0}): {PaperScale.Layers(final)}";
    }

    // Per layer and pooled: the fraction of activations with |a| > Large at the run's last histogram step.
    private static (long Step, List<double> Layers, double All) LargeFractions(RunEvidence run)
    {
        long step = run.Histograms!.Where(b => b.Quantity == "activation").Max(b => b.Step);
        var layers = run.Histograms!.Where(b => b.Quantity == "activation" && b.Step == step && b.Layer > 0)
            .Select(b => b.Layer).Distinct().Order().ToList();
        var fractions = layers.Select(l => LargeFraction(run.Histogram("activation", l, step))).ToList();
        return (step, fractions, fractions.Count == 0 ? 0 : fractions.Average());
    }

    /// <summary>Mass of a density histogram beyond ±<see cref="Large"/>, a bin cut by ±0.9 contributing in proportion.</summary>
    public static double LargeFraction(IReadOnlyList<Runs.HistogramBin> bins)
    {
        double mass = 0;
        foreach (var b in bins)
        {
            double width = b.High - b.Low;
            if (width <= 0) continue;
            double beyond = Math.Max(0, b.High - Math.Max(b.Low, Large)) + Math.Max(0, Math.Min(b.High, -Large) - b.Low);
            mass += b.Density * Math.Min(width, beyond);
        }
        return mass;
    }
}
