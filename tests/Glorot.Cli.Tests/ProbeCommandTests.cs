using System.Text.Json;

namespace Glorot.Cli.Tests;

public class ProbeCommandTests
{
    private static readonly string[] Small =
        ["probe", "--hidden", "60x3", "--examples", "20", "--dataset", "gaussian", "--inputs", "40", "--classes", "5"];

    [Fact]
    public void Json_lists_every_hidden_layer_with_measured_and_predicted_values()
    {
        var (code, stdout, stderr) = CliRunner.Run([.. Small, "--init", "normalized", "--jacobian", "--jacobian-examples", "1", "--json"]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("xavier-uniform", root.GetProperty("init").GetString());
        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(3, layers.Count);
        foreach (var layer in layers)
        {
            double measured = layer.GetProperty("activation_std").GetDouble();
            double predicted = layer.GetProperty("predicted_activation_std").GetDouble();
            // Each unit's squared weight norm is a χ² draw with 40–60 degrees of freedom (relative std √(2/60) ≈ 18 %),
            // so a layer's activation variance over 60 units deviates by ≈ 18/√60 ≈ 2.4 %, its std by ≈ 1.2 %;
            // 20 examples add a little more: ±5 % is about 3σ (measured: within 0.6 %).
            Assert.InRange(measured / predicted, 0.95, 1.05);
            Assert.True(layer.GetProperty("jacobian_mean_singular_value").GetDouble() > 0);
            Assert.True(layer.GetProperty("weight_gradient_std").GetDouble() > 0);
        }
    }

    [Fact]
    public void Table_and_csv_export_every_number()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-probe-" + Guid.NewGuid().ToString("N"));
        var (code, stdout, stderr) = CliRunner.Run([.. Small, "--csv", dir]);
        Assert.True(code == 0, stderr);
        Assert.Contains("act std", stdout);
        Assert.Contains("mean field", stdout);
        var summary = File.ReadAllLines(Path.Combine(dir, "probe_summary.csv"));
        Assert.Equal(1 + 2 + 3 * 4, summary.Length);
        Assert.True(File.ReadAllLines(Path.Combine(dir, "probe_histograms.csv")).Length > 100);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void The_table_fits_a_100_column_terminal_and_wide_prints_every_column_in_one()
    {
        var (code, stdout, stderr) = CliRunner.Run([.. Small, "--jacobian", "--jacobian-examples", "1"]);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd().Length <= 100, $"{line.TrimEnd().Length} columns: {line}"));
        Assert.Contains("forward: activations", stdout);
        Assert.Contains("backward: gradients and layer Jacobians", stdout);
        Assert.DoesNotContain(lines, l => l.Contains("act std", StringComparison.Ordinal) && l.Contains("J mean σ", StringComparison.Ordinal));

        (code, stdout, stderr) = CliRunner.Run([.. Small, "--jacobian", "--jacobian-examples", "1", "--wide"]);
        Assert.True(code == 0, stderr);
        Assert.Contains(stdout.Split('\n'), l => l.Contains("act std", StringComparison.Ordinal) && l.Contains("J mean σ", StringComparison.Ordinal));
        Assert.Contains(stdout.Split('\n'), l => l.TrimEnd().Length > 100);
    }

    [Fact]
    public void Shapeset_is_the_default_probe_set()
    {
        var (code, stdout, stderr) = CliRunner.Run("probe", "--hidden", "30x2", "--examples", "10");
        Assert.True(code == 0, stderr);
        Assert.Contains("shapeset/test, first 10 examples", stdout);
        Assert.Contains("1024-30-30-9", stdout);
    }

    [Theory]
    [InlineData("--init", "no-such-init")]
    [InlineData("--activation", "swishy")]
    [InlineData("--examples", "0")]
    [InlineData("--hidden", "10xq")]
    [InlineData("--dataset", "mnist")]
    [InlineData("--scaling", "weird")]
    public void Bad_values_are_user_errors_with_one_line(string option, string value)
    {
        var options = new Dictionary<string, string>
        {
            ["--hidden"] = "20x2", ["--examples"] = "5", ["--dataset"] = "gaussian", ["--inputs"] = "8", ["--classes"] = "3",
        };
        options[option] = value;
        var (code, _, stderr) = CliRunner.Run(["probe", .. options.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        Assert.Equal(2, code);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Lsuv_init_records_every_rescaling_in_the_json()
    {
        var (code, stdout, stderr) = CliRunner.Run([.. Small, "--init", "lsuv", "--lsuv-batch", "20", "--json"]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var lsuv = json.RootElement.GetProperty("lsuv");
        Assert.Equal(20, lsuv.GetProperty("examples").GetInt32());
        Assert.True(lsuv.GetProperty("steps").GetArrayLength() >= 4);   // at least one rescaling per layer (orthogonal W is not unit-variance here)
        Assert.All(lsuv.GetProperty("final_variances").EnumerateArray(), v => Assert.InRange(v.GetDouble(), 0.9, 1.1));
        Assert.Equal("lsuv", json.RootElement.GetProperty("init").GetString());
    }

    [Theory]
    [InlineData("--lsuv-batch", "21")]
    [InlineData("--lsuv-batch", "1")]
    [InlineData("--lsuv-tolerance", "0")]
    [InlineData("--lsuv-iterations", "0")]
    [InlineData("--output-init", "standard")]
    public void Lsuv_bad_settings_get_one_line_and_exit_code_2(string option, string value)
    {
        var (code, _, stderr) = CliRunner.Run([.. Small, "--init", "lsuv", option, value]);
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
