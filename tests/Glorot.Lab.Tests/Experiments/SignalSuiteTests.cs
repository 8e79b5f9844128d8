using Glorot.Lab.Claims;
using Glorot.Lab.Experiments;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Experiments;

public sealed class SignalSuiteTests
{
    [Fact]
    public void For_linear_units_the_prediction_is_eq_5_and_the_measured_signal_follows_it()
    {
        const int width = 128, depth = 20;
        var trace = SignalPropagation.Measure(Activation.Identity, 0.8, width, depth, 50, 3);
        // Eq. 5 with N(0, 1) inputs: Var[z^l] = E[x²]·0.8^l; the prediction uses the inputs' measured E[x²] ≈ 1.
        for (int l = 0; l < depth; l++)
            Assert.Equal(Math.Pow(0.8, (l + 1) / 2.0), trace.PredictedActivationStd[l], 0.05 * Math.Pow(0.8, (l + 1) / 2.0));
        double tol = SignalClaims.LogTolerance(width, depth);
        Assert.InRange(Math.Log(trace.ActivationStd[^1] / trace.PredictedActivationStd[^1]), -tol, tol);
        Assert.InRange(Math.Log(trace.GradientStd[0] / trace.PredictedGradientStd[0]), -tol, tol);
        // ‖J‖_F²/n of a product of 20 linear layers: 0.8^20 in expectation.
        Assert.Equal(Math.Pow(0.8, depth), trace.PredictedMeanSquaredSingularValue, 1e-12);
        Assert.InRange(Math.Log(Math.Sqrt(trace.MeanSquaredSingularValue / trace.PredictedMeanSquaredSingularValue)), -tol, tol);
    }

    [Fact]
    public void Singular_values_come_sorted_and_relu_kills_about_half_the_directions()
    {
        var trace = SignalPropagation.Measure(Activation.Relu, 2, 64, 8, 10, 5);
        Assert.Equal(64, trace.SingularValues.Length);
        Assert.True(trace.SingularValues.Zip(trace.SingularValues.Skip(1)).All(p => p.First >= p.Second));
        // diag(relu′) zeroes about half the rows of each layer, so the product's rank is at most ≈ n/2.
        int zero = trace.SingularValues.Count(s => s < 1e-9 * trace.SingularValues[0]);
        Assert.InRange(zero, 16, 63);
    }

    [Fact]
    public void The_tiny_profile_checks_every_claim_and_all_hold()
    {
        using var temp = new TempDirectory();
        var outcome = ExperimentRunner.Run(new SignalSuite(), new ExperimentContext(SuiteProfile.Tiny, 1, temp.Path));
        Assert.Equal(6, outcome.Claims.Count);
        Assert.All(outcome.Claims, c => Assert.True(c.Verdict == Verdict.Holds, $"claim {c.Id}: {c.Measured}"));
        Assert.True(File.Exists(Path.Combine(temp.Path, "figures", "signal-relu-singular-values.csv")));
    }

    [Fact]
    public void A_non_positive_variance_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SignalPropagation.Measure(Activation.Tanh, 0, 8, 2, 4, 1));
        Assert.Contains("positive", error.Message);
    }
}
