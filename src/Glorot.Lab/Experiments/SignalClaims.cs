using System.Globalization;
using Glorot.Lab.Claims;

namespace Glorot.Lab.Experiments;

/// <summary>The claims of <see cref="SignalSuite"/>, checked on its traces.</summary>
internal static class SignalClaims
{
    /// <summary>
    /// 3σ of ln(std) after <paramref name="depth"/> random layers of width <paramref name="width"/>: each layer multiplies
    /// the signal's second moment by a factor of relative std √(2/n) (a χ²_n/n variable), so ln(variance) wanders by
    /// √(2L/n) and ln(std) by half that.
    /// </summary>
    public static double LogTolerance(int width, int depth) => 3 * Math.Sqrt(depth / (2.0 * width));

    /// <summary>Every claim of the suite.</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(IReadOnlyList<SignalTrace> traces, int width, int depth)
    {
        ArgumentNullException.ThrowIfNull(traces);
        var ci = CultureInfo.InvariantCulture;
        double tol = LogTolerance(width, depth);
        string Fmt(double v) => v.ToString("G3", ci);
        double LogError(double measured, double predicted) => Math.Abs(Math.Log(measured / predicted));
        SignalTrace Find(string activation, double gain) => traces.Single(t => t.Activation == activation && t.Gain == gain);

        var forward = traces.Select(t => (t, e: LogError(t.ActivationStd[^1], t.PredictedActivationStd[^1]))).ToList();
        var backward = traces.Select(t => (t, e: LogError(t.GradientStd[0], t.PredictedGradientStd[0]))).ToList();
        var spectrum = traces.Select(t => (t, e: LogError(Math.Sqrt(t.MeanSquaredSingularValue), Math.Sqrt(t.PredictedMeanSquaredSingularValue)))).ToList();
        string Worst(List<(SignalTrace t, double e)> rows)
        {
            var w = rows.MaxBy(r => r.e);
            return $"worst |ln(measured/predicted)| = {w.e.ToString("F2", ci)} ({w.t.Activation}, n·Var(W) = {Fmt(w.t.Gain)}); {rows.Count(r => r.e <= tol)} of {rows.Count} within {tol.ToString("F2", ci)}";
        }

        // Vanishing / preserved / exploding, read as the ratio top/bottom (signal) and bottom/top (gradient).
        var regimes = new List<string>();
        bool regimesHold = true;
        foreach (var (name, critical) in SignalSuite.Activations.Where(a => a.Name != "tanh"))
            foreach (var t in traces.Where(t => t.Activation == name))
            {
                double signal = t.ActivationStd[^1] / t.ActivationStd[0], gradient = t.GradientStd[0] / t.GradientStd[^1];
                bool ok = t.Gain < critical ? signal < Math.Exp(-tol) && gradient < Math.Exp(-tol)
                    : t.Gain > critical ? signal > Math.Exp(tol) && gradient > Math.Exp(tol)
                    : Math.Abs(Math.Log(signal)) <= tol && Math.Abs(Math.Log(gradient)) <= tol;
                regimesHold &= ok;
                regimes.Add($"{name} {Fmt(t.Gain)}: {Fmt(signal)}/{Fmt(gradient)}");
            }

        var tanhSmall = Find("tanh", SignalSuite.Gains[0]);
        var tanhLarge = Find("tanh", SignalSuite.Gains[^1]);
        double tanhSmallSignal = tanhSmall.ActivationStd[^1] / tanhSmall.ActivationStd[0];
        double tanhLargeGradient = tanhLarge.GradientStd[0] / tanhLarge.GradientStd[^1];
        double tanhLargeSignal = tanhLarge.ActivationStd[^1];

        var linearSmall = Find("identity", SignalSuite.Gains[0]);
        var linearCritical = Find("identity", 1);
        var reluCritical = Find("relu", 2);
        var linearLarge = Find("identity", SignalSuite.Gains[^1]);
        double Median(double[] s) => s[s.Length / 2];
        bool spectrumShape = linearSmall.SingularValues[0] < 1 && Median(linearLarge.SingularValues) > 1
            && linearCritical.SingularValues[0] > 1 && Median(linearCritical.SingularValues) < 1
            && reluCritical.SingularValues[0] > 1 && Median(reluCritical.SingularValues) < 1;

        return
        [
            new(1, "The signal's std after L layers follows eq. 5: ∏ n·Var(W) per layer (with the activation's q-map)", "Glorot & Bengio 2010 eq. 5; source texts",
                $"|ln(std_L measured / predicted)| ≤ 3√(L/2n) = {tol.ToString("F2", ci)} at the top layer, for all {traces.Count} networks",
                "Var[z^L] = Var[x]·∏ n_l·Var(W_l)", Worst(forward), forward.All(r => r.e <= tol) ? Verdict.Holds : Verdict.DoesNotHold, ""),
            new(2, "The back-propagated gradient's std at the bottom layer follows eq. 6", "Glorot & Bengio 2010 eq. 6",
                $"|ln(std of ∂C/∂s at layer 1, measured / predicted)| ≤ {tol.ToString("F2", ci)}, for all {traces.Count} networks",
                "Var[∂C/∂s^l] = Var[∂C/∂s^top]·∏ n·Var(W)", Worst(backward), backward.All(r => r.e <= tol) ? Verdict.Holds : Verdict.DoesNotHold,
                "The prediction starts from the measured output-layer gradient and assumes it independent of the weights below (the paper's linear-regime argument)."),
            new(3, "n·Var(W) below the critical value vanishes, at it preserves, above it explodes (linear: 1; ReLU: 2)", "source texts; He et al. 2015 eq. 10",
                $"std ratio top/bottom layer (signal) and bottom/top (gradient): < e^−{tol.ToString("F2", ci)} below, within e^±{tol.ToString("F2", ci)} at, > e^{tol.ToString("F2", ci)} above the critical value",
                "vanishing < 1 < exploding", "signal/gradient ratios — " + string.Join("; ", regimes), regimesHold ? Verdict.Holds : Verdict.DoesNotHold, ""),
            new(4, "tanh: small weights make the signal vanish; large weights saturate the units (bounded signal) while the gradient explodes", "source texts",
                $"n·Var(W) = {Fmt(tanhSmall.Gain)}: signal ratio top/bottom < e^−{tol.ToString("F2", ci)}; n·Var(W) = {Fmt(tanhLarge.Gain)}: gradient ratio bottom/top > e^{tol.ToString("F2", ci)} with top-layer std in [0.3, 1]",
                "vanishing below, saturation and exploding gradients above",
                $"signal ratio {Fmt(tanhSmallSignal)} at {Fmt(tanhSmall.Gain)}; gradient ratio {Fmt(tanhLargeGradient)} and top std {Fmt(tanhLargeSignal)} at {Fmt(tanhLarge.Gain)}",
                tanhSmallSignal < Math.Exp(-tol) && tanhLargeGradient > Math.Exp(tol) && tanhLargeSignal is >= 0.3 and <= 1 ? Verdict.Holds : Verdict.DoesNotHold,
                "Under tanh the gradient's growth rate is the mean-field χ₁ = n·Var(W)·E[φ′²] at the fixed point, below n·Var(W) because saturated units pass little gradient."),
            new(5, "The end-to-end Jacobian's mean squared singular value is eq. 5–6's product ∏ n·Var(W)·E[φ′²]", "Glorot & Bengio 2010 eqs. 5–6, in matrix form",
                $"|ln(rms singular value measured / predicted)| ≤ {tol.ToString("F2", ci)}, for all {traces.Count} networks",
                "‖J‖_F²/n = ∏ n·Var(W)·E[φ′²]", Worst(spectrum), spectrum.All(r => r.e <= tol) ? Verdict.Holds : Verdict.DoesNotHold,
                "One example's Jacobian; singular values below ≈1e-16 of the largest are at double rounding and do not count in the mean."),
            new(6, "The product's singular values show shrinkage below 1 and expansion above: all shrink when small, most expand when large, and both at the critical value", "source texts; Saxe et al. 2014, Pennington et al. 2017",
                $"linear n·Var(W) = {Fmt(linearSmall.Gain)}: largest σ < 1; {Fmt(linearLarge.Gain)}: median σ > 1; at the critical value (linear 1, ReLU 2): largest σ > 1 > median σ",
                "shrinkage and expansion",
                $"linear {Fmt(linearSmall.Gain)}: σ_max {Fmt(linearSmall.SingularValues[0])}; linear {Fmt(linearLarge.Gain)}: median {Fmt(Median(linearLarge.SingularValues))}; linear 1: σ_max {Fmt(linearCritical.SingularValues[0])}, median {Fmt(Median(linearCritical.SingularValues))}; ReLU 2: σ_max {Fmt(reluCritical.SingularValues[0])}, median {Fmt(Median(reluCritical.SingularValues))}",
                spectrumShape ? Verdict.Holds : Verdict.DoesNotHold,
                "Preserving the variance (eq. 5) keeps the mean of σ² at 1, not every σ: a deep product of random matrices stretches some directions and crushes others."),
        ];
    }
}
