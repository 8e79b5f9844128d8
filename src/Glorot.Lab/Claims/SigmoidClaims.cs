using Glorot.Lab.Figures;

namespace Glorot.Lab.Claims;

/// <summary>Claims 1 and 2: the sigmoid networks of §3.1, Fig. 2 and Fig. 11.</summary>
internal static class SigmoidClaims
{
    /// <summary>The top layer's mean counts as collapsed below this (Fig. 2: ≈0.01–0.02 after the drop).</summary>
    public const double CollapsedMean = 0.1;

    /// <summary>The lower layers' means must stay at or above 0.5 less this (at init every layer sits at 0.50 ± 0.001).</summary>
    public const double LowerLayerTolerance = 0.01;

    /// <summary>Fig. 2: the top layer is at ≈0 within ≈2 epochs.</summary>
    public const long CollapseWindow = 2 * PaperScale.Epoch;

    public static ClaimResult TopLayerCollapse(RunEvidence run)
    {
        const string claim = "Sigmoid, depth 4: the top hidden layer's mean activation quickly falls to ≈0 while the lower layers stay above 0.5.";
        const string criterion = "First probe where the top layer's mean < 0.1 is at or before update 40,000 (2 epochs), and at every probe up to "
            + "update 40,000 (or the run's end) each of layers 1…L−1 has mean ≥ 0.49.";
        const string paper = "Layer 4 ≈0 within ≈2 epochs, ≈0.01–0.02 until ≈epoch 100; layers 1/2/3 ≈0.5/0.6/0.75–0.8.";
        ClaimResult Result(string measured, Verdict verdict, string note = "") =>
            new(1, claim, "Fig. 2, §3.1", criterion, paper, measured, verdict, note);

        if (run.ProbeProblem is { } problem) return Result(problem, Verdict.NotReached);
        int top = run.Layers;
        if (top < 2) return Result($"runs/{run.Name} has {top} hidden layer", Verdict.NotReached);
        var topSeries = run.Series("activation", top);
        if (topSeries.Count == 0) return Result($"runs/{run.Name} has no activation rows for layer {top}", Verdict.NotReached);
        var collapse = topSeries.FirstOrDefault(r => r.Mean < CollapsedMean);
        long windowEnd = Math.Min(CollapseWindow, run.LastProbeStep);
        var lowest = Enumerable.Range(1, top - 1)
            .Select(l => run.Series("activation", l).Where(r => r.Step <= windowEnd).Select(r => r.Mean).DefaultIfEmpty(double.NaN).Min()).ToList();
        if (lowest.Any(double.IsNaN)) return Result($"runs/{run.Name} lacks activation rows of a lower layer", Verdict.NotReached);
        string lower = $"layers 1–{top - 1} lowest mean up to update {windowEnd:N0}: {PaperScale.Layers(lowest)}";
        bool lowerStay = lowest.All(m => m >= 0.5 - LowerLayerTolerance);
        if (collapse is not null)
        {
            string measured = $"top layer ({top}) mean {PaperScale.G(collapse.Mean)} at update {PaperScale.Updates(collapse.Step)}, "
                + $"{PaperScale.G(topSeries[^1].Mean)} at the last probe ({topSeries[^1].Step:N0}); {lower}";
            return Result(measured, collapse.Step <= CollapseWindow && lowerStay ? Verdict.Holds : Verdict.DoesNotHold);
        }
        string notYet = $"top layer ({top}) mean never < 0.1 (lowest {PaperScale.G(topSeries.Min(r => r.Mean))}) up to update {run.LastProbeStep:N0}; {lower}";
        if (run.LastProbeStep < CollapseWindow && lowerStay)
            return Result(notYet, Verdict.NotReached, $"The run ends before update {CollapseWindow:N0}.");
        return Result(notYet, Verdict.DoesNotHold);
    }

    public static ClaimResult DepthFiveNeverEscapes(RunEvidence depth5, RunEvidence depth4)
    {
        const string claim = "Sigmoid, depth 5: the test error stays at chance for the whole run; depth 4 escapes it.";
        const string criterion = "Chance = 5/6 (the most frequent classes of Shapeset-3×2 are 1/6 each); τ = 3·√(p(1−p)/n) with n the run's "
            + "evaluation_examples. Holds: every test error of the depth-5 run ≥ 5/6 − τ over a run of ≥ 2.5 M updates, and some test error "
            + "of the depth-4 run < 5/6 − τ.";
        const string paper = "Depth 5 flat at ≈83.5 % to 25 M examples (Table 1: 82.61 %); depth 4 leaves ≈83.5 % at ≈6.5 M examples and ends ≈35 %.";
        ClaimResult Result(string measured, Verdict verdict, string note = "") =>
            new(2, claim, "Fig. 11, Table 1, §3.1", criterion, paper, measured, verdict, note);

        if (depth5.MetricProblem is { } missing5)
            return Result(missing5, Verdict.NotReached, "The 5-layer sigmoid network is trained only in the full profile.");
        if (depth5.SpecProblem is { } spec5) return Result(spec5, Verdict.NotReached);
        double tau5 = Tolerance(depth5.Spec!.EvaluationExamples);
        var rows5 = depth5.Metrics!;
        var escape5 = rows5.FirstOrDefault(r => r.TestError < PaperScale.ChanceError - tau5);
        long end5 = rows5.Max(r => r.Step);
        string measured5 = $"depth 5: lowest test error {PaperScale.Percent(rows5.Min(r => r.TestError))} over {PaperScale.Updates(end5)} (chance − τ = {PaperScale.Percent(PaperScale.ChanceError - tau5)})";
        if (escape5 is not null)
            return Result($"{measured5}; below chance − τ at update {escape5.Step:N0}", Verdict.DoesNotHold);

        if (depth4.MetricProblem is { } missing4) return Result($"{measured5}; {missing4}", Verdict.NotReached);
        if (depth4.SpecProblem is { } spec4) return Result($"{measured5}; {spec4}", Verdict.NotReached);
        double tau4 = Tolerance(depth4.Spec!.EvaluationExamples);
        var rows4 = depth4.Metrics!;
        var escape4 = rows4.FirstOrDefault(r => r.TestError < PaperScale.ChanceError - tau4);
        long end4 = rows4.Max(r => r.Step);
        string measured = $"{measured5}; depth 4: " + (escape4 is null
            ? $"lowest {PaperScale.Percent(rows4.Min(r => r.TestError))} over {PaperScale.Updates(end4)}, never below chance − τ"
            : $"below chance − τ from update {escape4.Step:N0}, {PaperScale.Percent(rows4[^1].TestError)} at the end");
        bool fullLength = end5 >= PaperScale.TrainingUpdates && end4 >= PaperScale.TrainingUpdates;
        if (escape4 is not null && end5 >= PaperScale.TrainingUpdates) return Result(measured, Verdict.Holds);
        if (fullLength) return Result(measured, Verdict.DoesNotHold);
        return Result(measured, Verdict.NotReached, "The runs are shorter than the paper's 2.5 M updates.");
    }

    // Three binomial standard errors of an error rate near chance measured on n examples.
    private static double Tolerance(int n) => 3 * Math.Sqrt(PaperScale.ChanceError * (1 - PaperScale.ChanceError) / Math.Max(1, n));
}
