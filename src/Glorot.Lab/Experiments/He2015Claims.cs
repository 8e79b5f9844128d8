using System.Globalization;
using Glorot.Lab.Claims;

namespace Glorot.Lab.Experiments;

/// <summary>The claims of <see cref="He2015Suite"/>.</summary>
internal static class He2015Claims
{
    /// <summary>
    /// Accepted distance of the per-layer std ratio from its prediction. Each ReLU layer multiplies the second moment by
    /// n·Var(W)/2 times a factor of relative std ≈ √(5/n) (a χ²-like sum over the ≈ n/2 active units), so over L layers
    /// the geometric-mean ratio wanders by ≈ ½√(5/(nL)) in ln; 3σ of that at n = 256, L = 30 is 0.013. The accepted
    /// 0.05 also covers narrower test networks.
    /// </summary>
    public const double RatioTolerance = 0.05;

    /// <summary>Points of test error (as a fraction) that separate "trains" from "stalls".</summary>
    public const double LearningMargin = 0.10;

    /// <summary>The last evaluated update up to which the run's test error stayed within 2 points of its value at update 0.</summary>
    public static long StallEnd(He2015Evidence run)
    {
        ArgumentNullException.ThrowIfNull(run);
        long end = 0;
        foreach (var m in run.Metrics)
        {
            if (Math.Abs(m.TestError - run.InitialTestError) > 0.02) break;
            end = m.Step;
        }
        return end;
    }

    /// <summary>Both claims.</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(He2015Evidence xavier, He2015Evidence he)
    {
        ArgumentNullException.ThrowIfNull(xavier);
        ArgumentNullException.ThrowIfNull(he);
        var ci = CultureInfo.InvariantCulture;
        double halving = 1 / Math.Sqrt(2);
        bool flat = Math.Abs(he.PerLayerRatio - 1) <= RatioTolerance, shrinking = Math.Abs(xavier.PerLayerRatio - halving) <= RatioTolerance;
        double xavierGain = xavier.InitialTestError - xavier.FinalTestError, heGain = he.InitialTestError - he.FinalTestError;
        return
        [
            new(1, "At initialization the activation std stays flat across ReLU layers with He init and shrinks by 1/√2 per layer with Xavier init",
                "He et al. 2015 §2.2 (eq. 10), as the texts tell it",
                string.Create(ci, $"geometric-mean ratio std(layer k+1)/std(layer k), layer 1 to {he.ActivationStd.Length}: He within ±{RatioTolerance} of 1, Xavier within ±{RatioTolerance} of 1/√2 = {halving:F3}"),
                "He: 1 per layer; Xavier: 1/√2 per layer",
                string.Create(ci, $"He {he.PerLayerRatio:F3}, Xavier {xavier.PerLayerRatio:F3} (top/bottom std: He {he.ActivationStd[^1] / he.ActivationStd[0]:G3}, Xavier {xavier.ActivationStd[^1] / xavier.ActivationStd[0]:G3})"),
                flat && shrinking ? Verdict.Holds : Verdict.DoesNotHold, ""),
            new(2, "The 30-layer ReLU network trains with He init and stalls with Xavier init", "He et al. 2015 Fig. 3, as the texts tell it",
                string.Create(ci, $"test-error drop from update 0 to {he.Updates:N0}: He ≥ {100 * LearningMargin:F0} points; Xavier less than half of He's"),
                "Xavier: no progress; He: converges",
                string.Create(ci, $"He {100 * he.InitialTestError:F1} % → {100 * he.FinalTestError:F1} %; Xavier {100 * xavier.InitialTestError:F1} % → {100 * xavier.FinalTestError:F1} % (Xavier within 2 points of its start until update {StallEnd(xavier):N0})"),
                heGain >= LearningMargin && xavierGain < heGain / 2 ? Verdict.Holds : Verdict.DoesNotHold,
                "He et al. trained on ImageNet for days and Xavier's 30-layer net never moved; here, within a few thousand updates, Xavier stalls at chance and then begins to move slowly, so \"stalls\" is read as \"far slower\"."),
        ];
    }
}
