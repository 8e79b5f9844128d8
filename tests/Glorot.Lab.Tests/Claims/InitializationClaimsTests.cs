using Glorot.Lab.Claims;
using Glorot.Lab.Tests.Runs;

namespace Glorot.Lab.Tests.Claims;

public sealed class InitializationClaimsTests
{
    [Fact]
    public void Activations_at_init_hold_for_shrinking_standard_and_flat_normalized_stds()
    {
        using var temp = new TempDirectory();
        var standard = new FakeRun(temp.Path, "tanh").Stds(0, "activation", 0.29, 0.16, 0.09, 0.05, 0.03)
            .Histogram(0, 1, "activation", -1, 1, 0.2, 0.8, 0.8, 0.2).Write();
        var normalized = new FakeRun(temp.Path, "tanh-n").Stds(0, "activation", 0.44, 0.37, 0.32, 0.29, 0.26).Write();
        var result = InitializationClaims.ActivationsAtInit(standard, normalized);
        Assert.Equal(Verdict.Holds, result.Verdict);
        Assert.Contains("0.29/0.16/0.09/0.05/0.03", result.Measured);
        Assert.Contains("peaks 0.8/", result.Measured);   // layer 1's histogram peak; the others have none
    }

    [Fact]
    public void Activations_at_init_do_not_hold_when_standard_is_flat_or_normalized_spreads()
    {
        using var temp = new TempDirectory();
        var flat = new FakeRun(temp.Path, "a").Stds(0, "activation", 0.3, 0.29, 0.28, 0.27, 0.26).Write();
        var normalized = new FakeRun(temp.Path, "b").Stds(0, "activation", 0.44, 0.37, 0.32, 0.29, 0.26).Write();
        Assert.Equal(Verdict.DoesNotHold, InitializationClaims.ActivationsAtInit(flat, normalized).Verdict);
        var standard = new FakeRun(temp.Path, "c").Stds(0, "activation", 0.29, 0.16, 0.09, 0.05, 0.03).Write();
        var spread = new FakeRun(temp.Path, "d").Stds(0, "activation", 0.6, 0.4, 0.3, 0.2, 0.1).Write();
        Assert.Equal(Verdict.DoesNotHold, InitializationClaims.ActivationsAtInit(standard, spread).Verdict);
        Assert.Equal(Verdict.NotReached, InitializationClaims.ActivationsAtInit(standard, new FakeRun(temp.Path, "none").Open()).Verdict);
    }

    [Fact]
    public void Backprop_at_init_wants_gradients_growing_toward_the_top_under_standard_init()
    {
        using var temp = new TempDirectory();
        var standard = new FakeRun(temp.Path, "tanh").Stds(0, "backprop_gradient", 0.0042, 0.0078, 0.0137, 0.024, 0.042).Write();
        var normalized = new FakeRun(temp.Path, "tanh-n").Stds(0, "backprop_gradient", 0.025, 0.029, 0.033, 0.036, 0.04).Write();
        Assert.Equal(Verdict.Holds, InitializationClaims.BackpropAtInit(standard, normalized).Verdict);
        // The same numbers as activations (falling upward) are the opposite claim.
        Assert.Equal(Verdict.DoesNotHold, InitializationClaims.BackpropAtInit(
            new FakeRun(temp.Path, "x").Stds(0, "backprop_gradient", 0.042, 0.024, 0.0137, 0.0078, 0.0042).Write(), normalized).Verdict);
        Assert.Equal(Verdict.NotReached, InitializationClaims.BackpropAtInit(
            new FakeRun(temp.Path, "late").Stds(1000, "backprop_gradient", 0.0042, 0.0078).Write(), normalized).Verdict);
    }

    [Fact]
    public void Weight_gradients_at_init_hold_within_a_factor_1_5_across_layers()
    {
        using var temp = new TempDirectory();
        var standard = new FakeRun(temp.Path, "tanh").Stds(0, "weight_gradient", 0.00214, 0.00214, 0.00214, 0.0021, 0.00204).Write();
        var normalized = new FakeRun(temp.Path, "tanh-n").Stds(0, "weight_gradient", 0.0119, 0.0117, 0.0114, 0.0111, 0.0108).Write();
        Assert.Equal(Verdict.Holds, InitializationClaims.WeightGradientsAtInit(standard, normalized).Verdict);
        var uneven = new FakeRun(temp.Path, "u").Stds(0, "weight_gradient", 0.004, 0.003, 0.002, 0.002, 0.002).Write();
        Assert.Equal(Verdict.DoesNotHold, InitializationClaims.WeightGradientsAtInit(uneven, normalized).Verdict);
        Assert.Equal(Verdict.NotReached, InitializationClaims.WeightGradientsAtInit(standard, new FakeRun(temp.Path, "none").Open()).Verdict);
    }

    [Fact]
    public void Jacobians_hold_near_0_5_and_0_8_and_are_not_reached_without_jacobian_data()
    {
        using var temp = new TempDirectory();
        FakeRun Jacobians(string name, params double[] values)
        {
            var run = new FakeRun(temp.Path, name);
            for (int l = 0; l < values.Length; l++) run.Probe(0, l + 1, "activation", 0, 0.3, absP98: 0.7, jacobian: values[l]);
            return run;
        }
        var standard = Jacobians("tanh", 0.46, 0.48, 0.49, 0.49, 0.49).Write();
        var normalized = Jacobians("tanh-n", 0.74, 0.76, 0.78, 0.79, 0.8).Write();
        Assert.Equal(Verdict.Holds, InitializationClaims.JacobianAtInit(standard, normalized).Verdict);
        Assert.Equal(Verdict.DoesNotHold, InitializationClaims.JacobianAtInit(normalized, standard).Verdict);
        var none = new FakeRun(temp.Path, "plain").Stds(0, "activation", 0.3, 0.2).Write();
        var result = InitializationClaims.JacobianAtInit(none, normalized);
        Assert.Equal(Verdict.NotReached, result.Verdict);
        Assert.Contains("jacobian_examples", result.Measured);
    }
}
