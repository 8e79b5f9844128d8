using Glorot.Data;
using Glorot.Init;
using Glorot.Lab.Runs;
using Glorot.Nn;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Lab.Tests.Runs;

public class InitialProbeTests
{
    private static InitialProbeSpec Gaussian(string init = "xavier-uniform", string? outputInit = "standard") => new()
    {
        Activation = Activation.Parse("tanh"),
        Hidden = [16, 12],
        Init = init,
        OutputInit = outputInit,
        Dataset = "gaussian",
        GaussianInputs = 10,
        GaussianClasses = 3,
        Examples = 40,
        Seed = 7,
    };

    [Fact]
    public void Prepared_and_measured_it_is_bit_identical_to_the_network_built_by_hand()
    {
        // The network glorot probe measured before it moved here: N(0, 1) inputs and random labels from stream 1000,
        // hidden layers from --init, the softmax layer from --output-init, each layer l from stream l.
        var random = new RandomStream(7, 1000);
        var x = new float[40 * 10];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextGaussian();
        var y = new int[40];
        for (int i = 0; i < y.Length; i++) y[i] = random.NextInt(3);
        var hidden = Schemes.Create("xavier-uniform");
        var top = Schemes.Create("standard");
        var mlp = new Mlp([10, 16, 12, 3], Activation.Parse("tanh"));
        mlp.Initialize((w, fanOut, fanIn, s, stream) => (stream == 2 ? top : hidden).Fill(w, [fanOut, fanIn], s, stream), 7);
        var expected = new NetworkProbe(mlp, new ProbeOptions()).Measure(x, y);

        var probe = InitialProbe.Prepare(Gaussian());
        Assert.Equal(ProbeJson.Serialize(expected), ProbeJson.Serialize(probe.Measure()));
        Assert.Equal([10, 16, 12, 3], probe.Widths);
        Assert.Equal("gaussian N(0,1), 40 examples", probe.Source);
        Assert.Null(probe.Lsuv);
    }

    [Fact]
    public void The_gaussian_probe_set_is_standard_normal_with_every_class_drawn()
    {
        var (x, y) = InitialProbe.Gaussian(2000, 50, 4, seed: 3);
        double mean = x.Average(v => (double)v), variance = x.Average(v => ((double)v - mean) * ((double)v - mean));
        // 100,000 draws: the mean's standard error is 1/√100000 ≈ 0.0032, the variance's ≈ √2/√100000 ≈ 0.0045; 5σ bands.
        Assert.InRange(mean, -0.016, 0.016);
        Assert.InRange(variance, 1 - 0.023, 1 + 0.023);
        Assert.All(y, label => Assert.InRange(label, 0, 3));
        // Each class has probability 1/4: 500 ± 5·√(2000·¼·¾) ≈ 500 ± 97.
        Assert.All(Enumerable.Range(0, 4), c => Assert.InRange(y.Count(l => l == c), 403, 597));
        Assert.Equal(x, InitialProbe.Gaussian(2000, 50, 4, seed: 3).Inputs);
        Assert.NotEqual(x, InitialProbe.Gaussian(2000, 50, 4, seed: 4).Inputs);
    }

    [Fact]
    public void The_theory_gets_the_schemes_variances_and_with_lsuv_the_weights_own()
    {
        var probe = InitialProbe.Prepare(Gaussian());
        var variances = probe.WeightVariances();
        Assert.Equal(3, variances.Length);
        // Var of U[±√6/√(fan_in + fan_out)] is 2/(fan_in + fan_out) (eq. 16); of standard U[±1/√fan_in], 1/(3 fan_in) (eq. 1).
        Assert.Equal(2.0 / (10 + 16), variances[0], 12);
        Assert.Equal(2.0 / (16 + 12), variances[1], 12);
        Assert.Equal(1.0 / (3 * 12), variances[2], 12);

        var lsuv = InitialProbe.Prepare(Gaussian("lsuv", null) with { Lsuv = new LsuvOptions(BatchSize: 40) });
        Assert.NotNull(lsuv.Lsuv);
        Assert.Equal("lsuv", lsuv.HiddenScheme);
        Assert.All(lsuv.WeightVariances(), v => Assert.True(v > 0));
    }

    [Theory]
    [InlineData("lsuv-with-output-init")]
    [InlineData("no-examples")]
    [InlineData("lsuv-batch-too-large")]
    [InlineData("too-many-jacobians")]
    [InlineData("one-class")]
    [InlineData("bad-bins")]
    public void A_setting_that_cannot_work_is_refused_before_anything_is_measured(string what)
    {
        var spec = what switch
        {
            "lsuv-with-output-init" => Gaussian("lsuv", "standard"),
            "no-examples" => Gaussian() with { Examples = 0 },
            "lsuv-batch-too-large" => Gaussian("lsuv", null) with { Lsuv = new LsuvOptions(BatchSize: 41) },
            "too-many-jacobians" => Gaussian() with { Probe = new ProbeOptions { JacobianExamples = 41 } },
            "one-class" => Gaussian() with { GaussianClasses = 1 },
            _ => Gaussian() with { Probe = new ProbeOptions { Bins = 0 } },
        };
        Assert.ThrowsAny<ArgumentException>(() => InitialProbe.Prepare(spec));
    }
}
