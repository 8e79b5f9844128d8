using System.Text.Json;

namespace Glorot.Cli.Tests.Commands;

public class TheoryCommandTests
{
    [Fact]
    public void Table_fits_100_columns_and_names_the_depth_scales()
    {
        var (code, stdout, stderr) = CliRunner.Run("theory", "--activation", "tanh", "--init", "xavier-uniform", "--hidden", "1000x5");
        Assert.True(code == 0, stderr);
        Assert.All(stdout.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 100, $"{line.TrimEnd().Length} columns: {line}"));
        Assert.Contains("ξ_q", stdout);
        Assert.Contains("ξ_c", stdout);
        Assert.Contains("χ₁", stdout);
    }

    [Fact]
    public void Identity_network_follows_eq_5_in_both_columns()
    {
        // φ = identity, W ~ N(0, σ_w²/n), no bias: q_l = σ_w^{2l}·E[x²] (eq. 5), mean field = linear; χ₁ = σ_w².
        var (code, stdout, stderr) = CliRunner.Run("theory", "--activation", "identity", "--sigma-w", "0.9", "--hidden", "50x4",
            "--inputs", "30", "--input-second-moment", "2", "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var layers = json.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(4, layers.Count);
        for (int l = 0; l < 4; l++)
        {
            double q = 2 * Math.Pow(0.81, l + 1);
            Assert.Equal(q, layers[l].GetProperty("pre_activation_variance").GetDouble(), 1e-9 * q);
            Assert.Equal(Math.Sqrt(q), layers[l].GetProperty("activation_std").GetDouble(), 1e-9 * q);
            Assert.Equal(Math.Sqrt(q), layers[l].GetProperty("linear_activation_std").GetDouble(), 1e-9 * q);
            Assert.Equal(0.81, layers[l].GetProperty("chi1").GetDouble(), 1e-9);
        }
        Assert.Equal(0.81, json.RootElement.GetProperty("depth_scales").GetProperty("chi1").GetDouble(), 1e-9);
        // σ_w > 1: the linear q-map grows without bound, so there is no q* and no depth scale — said, not invented.
        (code, stdout, stderr) = CliRunner.Run("theory", "--activation", "identity", "--sigma-w", "1.3", "--hidden", "50x4", "--inputs", "30");
        Assert.True(code == 0, stderr);
        Assert.Contains("no depth scales: The q-map of identity diverges", stdout);
    }

    [Fact]
    public void Csv_has_one_row_per_hidden_layer()
    {
        var (code, stdout, stderr) = CliRunner.Run("theory", "--activation", "relu", "--init", "he-normal", "--hidden", "100x3", "--csv");
        Assert.True(code == 0, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("layer,sigma_w2,", lines[0]);
        // He: σ_w² = 2 and E[relu′²] = 1/2, so χ₁ = 1 in every layer (He et al. 2015).
        Assert.All(lines.Skip(1), line => Assert.Equal(1, double.Parse(line.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture), 1e-9));
    }

    [Fact]
    public void Theory_predicts_what_probe_measures_on_gaussian_data()
    {
        // The same 1024-500-500-500-9 tanh network, xavier-uniform, probed on 300 N(0, 1) examples. Each unit's squared
        // weight norm is a χ² draw with 500 degrees of freedom (relative std √(2/500) ≈ 6 %), so a layer's activation
        // variance over 500 units deviates by ≈ 6/√500 ≈ 0.3 %, and compounding over 3 layers and 300 examples stays
        // well under 1 %: ±3 % on activation stds. Back-propagated gradients start from the 9-unit output layer, whose
        // per-unit gradients are far from Gaussian, and cross 9- to 500-wide products: ±10 % on their stds.
        string[] net = ["--activation", "tanh", "--init", "xavier-uniform", "--hidden", "500x3"];
        var (code, stdout, stderr) = CliRunner.Run(["probe", .. net, "--dataset", "gaussian", "--inputs", "1024", "--classes", "9", "--examples", "300", "--json"]);
        Assert.True(code == 0, stderr);
        using var probe = JsonDocument.Parse(stdout);
        string m2 = probe.RootElement.GetProperty("input_second_moment").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string g = probe.RootElement.GetProperty("output_gradient_std").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        (code, stdout, stderr) = CliRunner.Run(["theory", .. net, "--inputs", "1024", "--classes", "9", "--input-second-moment", m2, "--output-gradient-std", g, "--json"]);
        Assert.True(code == 0, stderr);
        using var theory = JsonDocument.Parse(stdout);
        var measured = probe.RootElement.GetProperty("layers").EnumerateArray().ToList();
        var predicted = theory.RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(3, predicted.Count);
        for (int l = 0; l < 3; l++)
        {
            Assert.InRange(measured[l].GetProperty("activation_std").GetDouble() / predicted[l].GetProperty("activation_std").GetDouble(), 0.97, 1.03);
            Assert.InRange(measured[l].GetProperty("backprop_std").GetDouble() / predicted[l].GetProperty("backprop_std").GetDouble(), 0.9, 1.1);
        }
    }

    [Fact]
    public void Critical_lists_every_activation_and_finds_tanh_at_unit_sigma_w()
    {
        var (code, stdout, stderr) = CliRunner.Run("theory", "critical", "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Activation.Names.Count, rows.Count);
        var tanh = rows.Single(r => r.GetProperty("activation").GetString() == "tanh");
        Assert.Equal(1, tanh.GetProperty("sigma_w").GetDouble(), 6);
        var relu = rows.Single(r => r.GetProperty("activation").GetString() == "relu");
        Assert.Equal(Math.Sqrt(2), relu.GetProperty("sigma_w").GetDouble(), 6);
        (code, stdout, stderr) = CliRunner.Run("theory", "critical", "--activation", "tanh", "--sigma-b", "0.3");
        Assert.True(code == 0, stderr);
        Assert.Contains("tanh", stdout);
    }

    [Fact]
    public void Phase_diagram_writes_png_svg_and_csv()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-phase-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = CliRunner.Run("theory", "critical", "--activation", "tanh", "--phase-diagram", "--grid", "6",
            "--out", Path.Combine(dir, "phase.png"));
        Assert.True(code == 0, stderr);
        Assert.True(new FileInfo(Path.Combine(dir, "phase.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(dir, "phase.svg")));
        var csv = File.ReadAllLines(Path.Combine(dir, "phase.csv"));
        Assert.Equal("sigma_w2,sigma_b2,xi_c,boundary", csv[0]);
        Assert.True(csv.Length > 1 + 36);
        Directory.Delete(dir, true);
    }

    [Theory]
    [InlineData("theory", "--activation", "tanhh")]
    [InlineData("theory", "--init", "xavier-unifrom")]
    [InlineData("theory", "--sigma-w", "0")]
    [InlineData("theory", "--sigma-w", "-1")]
    [InlineData("theory", "--hidden", "")]
    [InlineData("theory", "--hidden", "100x0")]
    [InlineData("theory", "--sigma-w", "1", "--init", "he-normal")]
    [InlineData("theory", "critical", "--activation", "relu", "--sigma-b", "0.1")]
    [InlineData("theory", "critical", "--activation", "nope")]
    [InlineData("theory", "critical", "--phase-diagram", "--out", "x.png")]
    [InlineData("theory", "critical", "--activation", "tanh", "--phase-diagram")]
    [InlineData("theory", "critical", "--sigma-b", "-0.1")]
    public void Bad_input_gets_one_line_and_exit_code_2(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("glorot: ", stderr);
    }
}
