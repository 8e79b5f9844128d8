using Glorot.Init;
using Glorot.Theory;

namespace Glorot.Tests.Theory;

public class NetworkReportTests
{
    [Fact]
    public void An_identity_network_follows_eq_5_in_mean_field_and_linear_columns()
    {
        // φ = identity, W ~ N(0, σ_w²/n), no bias: q_l = σ_w^{2l}·E[x²] (Glorot & Bengio 2010 eq. 5); χ₁ = σ_w².
        var report = NetworkReport.Of(0.9, [30, 50, 50, 50, 50, 9], Activation.Identity, 0, inputSecondMoment: 2, outputGradientStd: 1);
        Assert.Equal(4, report.Layers.Count);
        for (int l = 0; l < 4; l++)
        {
            double q = 2 * Math.Pow(0.81, l + 1);
            Assert.Equal(q, report.Layers[l].PreActivationVariance, 1e-9 * q);
            Assert.Equal(Math.Sqrt(q), report.Layers[l].ActivationStd, 1e-9 * q);
            Assert.Equal(Math.Sqrt(q), report.Layers[l].LinearActivationStd, 1e-9 * q);
            Assert.Equal(0.81, report.Layers[l].Chi1, 1e-9);
        }
        Assert.Equal(0.81, report.DepthScales!.Chi1, 1e-9);
        Assert.StartsWith("N(0, σ_w²/fan-in)", report.Weights);
        // σ_w > 1: the linear q-map grows without bound: no q*, so no depth scales, and the reason instead.
        var diverging = NetworkReport.Of(1.3, [30, 50, 50, 9], Activation.Identity, 0, 1, 1);
        Assert.Null(diverging.DepthScales);
        Assert.StartsWith("The q-map of identity diverges", diverging.DepthScalesNote);
    }

    [Fact]
    public void A_scheme_gives_its_per_layer_variances_and_its_name()
    {
        // He: σ_w² = 2 and E[relu′²] = 1/2, so χ₁ = 1 in every layer (He et al. 2015).
        var report = NetworkReport.Of(Schemes.Create("he-normal"), [100, 100, 100, 100, 9], Activation.Relu, 0, 1, 1);
        Assert.Equal("he-normal", report.Weights);
        Assert.All(report.Layers, row => Assert.Equal(1, row.Chi1, 1e-9));
        Assert.All(report.Layers, row => Assert.Equal(2, row.SigmaW2, 1e-12));
    }

    [Fact]
    public void The_csv_has_a_row_per_hidden_layer_that_reads_back_as_its_values()
    {
        var report = NetworkReport.Of(Schemes.Create("xavier-uniform"), [30, 40, 40, 40, 9], Activation.Tanh, 0.01, 1, 1);
        var lines = report.Csv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', NetworkReport.CsvColumns.Names), lines[0]);
        Assert.Equal(report.Layers.Count + 1, lines.Length);
        for (int i = 0; i < report.Layers.Count; i++)
        {
            var r = report.Layers[i];
            double[] cells = [.. lines[i + 1].Split(',').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture))];
            Assert.Equal([r.Layer, r.SigmaW2, r.PreActivationVariance, r.ActivationStd, r.LinearActivationStd, r.BackpropStd,
                r.LinearBackpropStd, r.WeightGradientStd, r.LinearWeightGradientStd, r.Chi1], cells);
        }
    }
}
