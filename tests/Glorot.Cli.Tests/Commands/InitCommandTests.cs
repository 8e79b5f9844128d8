using System.Text.Json;
using Glorot.Init;

namespace Glorot.Cli.Tests.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("glorot-cli-init-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonElement Json(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void Layer_gives_the_shape_and_the_counted_fans()
    {
        var json = Json("init", "--layer", "conv2d", "--in", "3", "--out", "64", "--kernel", "5x5", "he-normal", "--json");
        Assert.Equal([64, 3, 5, 5], json.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(75, json.GetProperty("fan_in").GetInt64());
        Assert.Equal(1600, json.GetProperty("fan_out").GetInt64());
        Assert.Equal(Math.Sqrt(2.0 / 75), json.GetProperty("std").GetDouble(), 12);
    }

    [Fact]
    public void Transposed_layer_counts_fans_that_pytorch_swaps()
    {
        string[] args = ["init", "--layer", "conv2d", "--in", "16", "--out", "8", "--kernel", "4x4", "--transposed", "xavier-uniform", "--json"];
        var counted = Json(args);
        Assert.Equal([16, 8, 4, 4], counted.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal((256L, 128L), (counted.GetProperty("fan_in").GetInt64(), counted.GetProperty("fan_out").GetInt64()));
        var torch = Json([.. args, "--fan-convention", "pytorch"]);
        Assert.Equal((128L, 256L), (torch.GetProperty("fan_in").GetInt64(), torch.GetProperty("fan_out").GetInt64()));
    }

    [Fact]
    public void Depthwise_groups_divide_both_fans()
    {
        var json = Json("init", "--layer", "conv2d", "--in", "32", "--out", "32", "--groups", "32", "--kernel", "3x3", "he-normal", "--json");
        Assert.Equal((9L, 9L), (json.GetProperty("fan_in").GetInt64(), json.GetProperty("fan_out").GetInt64()));
    }

    [Fact]
    public void Pytorch_linear_preset_draws_weight_and_bias_with_bound_one_over_root_in()
    {
        var json = Json("init", "--preset", "pytorch-linear", "--in", "784", "--out", "256", "--json");
        Assert.Equal("pytorch-linear", json.GetProperty("preset").GetString());
        Assert.Equal(1.0 / 28, json.GetProperty("weight").GetProperty("bound").GetDouble(), 12);
        Assert.Equal(1.0 / 28, json.GetProperty("bias").GetProperty("bound").GetDouble(), 12);
        Assert.Equal([256], json.GetProperty("bias").GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1UL, json.GetProperty("bias").GetProperty("stream").GetUInt64());
    }

    [Fact]
    public void Pytorch_conv_preset_takes_the_convolution_from_the_kernel_without_layer()
    {
        // As a user types it: the kernel says it is a 2-D convolution; fan_in = 3·5·5 = 75.
        var json = Json("init", "--preset", "pytorch-conv", "--in", "3", "--out", "64", "--kernel", "5x5", "--json");
        Assert.Equal([64, 3, 5, 5], json.GetProperty("weight").GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(1 / Math.Sqrt(75), json.GetProperty("weight").GetProperty("bound").GetDouble(), 12);
        Assert.Equal(1 / Math.Sqrt(75), json.GetProperty("bias").GetProperty("bound").GetDouble(), 12);
    }

    [Fact]
    public void Verify_passes_an_honest_draw_and_prints_the_verdict()
    {
        var (exit, output, _) = CliRunner.Run("init", "xavier-uniform", "--shape", "256,784", "--verify");
        Assert.Equal(0, exit);
        Assert.Contains("verify        PASS", output);
        Assert.Contains("ks", output);
    }

    [Fact]
    public void Verify_fails_a_deliberately_miscalibrated_draw_with_exit_code_one()
    {
        // Test hook: the draw is 10 % wider than xavier-uniform claims.
        var (exit, output, _) = CliRunner.Run("init", "xavier-uniform", "--shape", "256,784", "--verify", "--test-miscalibrate", "1.1");
        Assert.Equal(1, exit);
        Assert.Contains("FAIL", output);
        var json = Json("init", "xavier-uniform", "--shape", "256,784", "--verify", "--json");
        Assert.True(json.GetProperty("verify").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Provenance_records_are_written_and_read_back()
    {
        var (exit, _, error) = CliRunner.Run("init", "--preset", "keras-dense", "--in", "10", "--out", "5", "--seed", "9", "--name", "fc1", "--provenance", _directory);
        Assert.True(exit == 0, error);
        var weight = Provenance.Read(Path.Combine(_directory, "fc1.weight.init.json"));
        var bias = Provenance.Read(Path.Combine(_directory, "fc1.bias.init.json"));
        Assert.Equal(("keras-dense", 9UL, 0UL), (weight.Scheme, weight.Seed, weight.Stream));
        Assert.Equal([10, 5], weight.Shape);
        Assert.Equal(("keras-dense-bias", 1UL), (bias.Scheme, bias.Stream));
    }

    [Fact]
    public void Provenance_into_a_file_or_below_one_is_a_one_line_error_naming_the_option()
    {
        string file = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(file, "x");
        foreach (var (target, expected) in new[] { (file, "is a file, not a directory"), (Path.Combine(file, "sub"), "cannot write") })
        {
            var (exit, _, error) = CliRunner.Run("init", "he-normal", "--shape", "3,3", "--provenance", target);
            Assert.Equal(2, exit);
            Assert.StartsWith($"glorot: --provenance {target}: ", error);
            Assert.Contains(expected, error);
            Assert.Single(error.Trim().Split('\n'));
        }
    }

    [Fact]
    public void New_truncated_normal_names_are_listed_and_drawn()
    {
        var (_, list, _) = CliRunner.Run("init", "--list");
        foreach (var name in new[] { "keras-truncated-normal", "jax-truncated-normal", "truncated-normal-corrected", "pytorch-linear", "flax-dense" })
            Assert.Contains(name, list);
        var json = Json("init", "truncated-normal-corrected", "--std", "0.5", "--shape", "100,100", "--json");
        Assert.Equal(0.5, json.GetProperty("std").GetDouble(), 12);
    }

    [Theory]
    [InlineData("either --shape or --layer", "init", "he-normal", "--shape", "3,3", "--layer", "dense", "--in", "3", "--out", "3")]
    [InlineData("add --layer", "init", "he-normal", "--in", "3", "--out", "3")]
    [InlineData("needs --in and --out", "init", "he-normal", "--layer", "dense", "--in", "3")]
    [InlineData("pytorch-conv", "init", "--preset", "pytorch-linear", "--layer", "conv2d", "--kernel", "3x3", "--in", "3", "--out", "8")]
    [InlineData("Unknown preset", "init", "--preset", "caffe", "--in", "3", "--out", "8")]
    [InlineData("--stream 18446744073709551615 leaves no stream for the bias", "init", "--preset", "pytorch-linear", "--in", "3", "--out", "8", "--stream", "18446744073709551615")]
    [InlineData("--preset pytorch-linear takes no --gain", "init", "--preset", "pytorch-linear", "--in", "3", "--out", "8", "--gain", "2")]
    [InlineData("takes no --distribution, --layout", "init", "--preset", "flax-dense", "--in", "3", "--out", "8", "--distribution", "normal", "--layout", "pytorch")]
    [InlineData("not both", "init", "he-normal", "--preset", "pytorch-linear", "--in", "3", "--out", "8")]
    [InlineData("divide both", "init", "he-normal", "--layer", "conv2d", "--kernel", "3x3", "--in", "3", "--out", "8", "--groups", "2")]
    [InlineData("plain file name", "init", "he-normal", "--shape", "3,3", "--name", "../x", "--provenance", ".")]
    [InlineData("--fan-convention", "init", "he-normal", "--layer", "dense", "--in", "3", "--out", "8", "--fan-convention", "caffe")]
    public void User_errors_print_one_line_and_exit_two(string expected, params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Init_prints_fans_gain_std_and_bound()
    {
        var (code, stdout, stderr) = CliRunner.Run("init", "xavier-uniform", "--shape", "256,784", "--nonlinearity", "tanh");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Matches(@"fan_in\s+784", stdout);
        Assert.Matches(@"fan_out\s+256", stdout);
        Assert.Matches(@"gain\s+1\.66667", stdout);
        // bound = 5/3·√(6/1040) = 0.126592…
        Assert.Matches(@"bound\s+0\.126592", stdout);
    }

    [Fact]
    public void Json_output_is_one_object_with_the_same_numbers()
    {
        var (code, stdout, _) = CliRunner.Run("init", "he-normal", "--shape", "64,3,5,5", "--mode", "fan-out", "--json", "--seed", "3");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(75, root.GetProperty("fan_in").GetInt64());
        Assert.Equal(1600, root.GetProperty("fan_out").GetInt64());
        Assert.Equal(Math.Sqrt(2.0 / 1600), root.GetProperty("std").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("bound").ValueKind);
        Assert.Equal(3UL, root.GetProperty("seed").GetUInt64());
        Assert.InRange(root.GetProperty("drawn").GetProperty("std").GetDouble(), 0.03, 0.04);
    }

    [Fact]
    public void List_shows_every_scheme_with_its_formula()
    {
        var (code, stdout, _) = CliRunner.Run("init", "--list");
        Assert.Equal(0, code);
        foreach (var name in new[] { "standard", "xavier-uniform", "xavier-normal", "caffe-xavier", "lecun-uniform", "lecun-normal",
                     "he-uniform", "he-normal", "variance-scaling", "uniform", "normal", "truncated-normal", "orthogonal",
                     "identity", "dirac", "constant", "zeros", "ones" })
            Assert.Matches($@"(?m)^{name}\s", stdout);
        Assert.Contains("√(6/(fan_in + fan_out))", stdout);
        foreach (var keras in new[] { "keras-glorot-uniform", "keras-glorot-normal", "keras-he-uniform", "keras-he-normal", "keras-lecun-uniform", "keras-lecun-normal" })
            Assert.Matches($@"(?m)^{keras}\s", stdout);
    }

    [Fact]
    public void A_keras_scheme_reads_a_shape_in_keras_layout_and_draws_a_corrected_truncated_normal()
    {
        // [3, 3, 16, 32] in Keras' layout: fan_in 144, so the std after truncation is √(2/144).
        var (code, stdout, stderr) = CliRunner.Run("init", "keras-he-normal", "--shape", "3,3,16,32", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(144, root.GetProperty("fan_in").GetInt64());
        Assert.Equal(Math.Sqrt(2.0 / 144), root.GetProperty("std").GetDouble(), 12);
        // 4608 values: the sample std's relative standard error is ≈ 1/√(2n) ≈ 1 %; 5 % is five of them.
        Assert.InRange(root.GetProperty("drawn").GetProperty("std").GetDouble(), 0.95 * Math.Sqrt(2.0 / 144), 1.05 * Math.Sqrt(2.0 / 144));
    }

    [Theory]
    [InlineData("Unknown scheme 'bogus'", "init", "bogus", "--shape", "4,4")]
    [InlineData("Unknown scheme 'xavier-unifrom'. Did you mean xavier-uniform?", "init", "xavier-unifrom", "--shape", "4,4")]
    [InlineData("'he_normal' means two things", "init", "he_normal", "--shape", "4,4")]
    [InlineData("Say keras-glorot-normal or xavier-normal.", "init", "glorot_normal", "--shape", "4,4")]
    [InlineData("Did you mean pytorch-linear?", "init", "--preset", "pytorch_lineer", "--in", "3", "--out", "8")]
    [InlineData("Dimension 1 of shape [256, 0] is 0", "init", "xavier-uniform", "--shape", "256,0")]
    [InlineData("not an integer", "init", "xavier-uniform", "--shape", "256,abc")]
    [InlineData("at least two dimensions", "init", "xavier-uniform", "--shape", "784")]
    [InlineData("is -3: every dimension must be positive", "init", "standard", "--shape", "-3,4")]
    [InlineData("--mode 'sideways'", "init", "he-normal", "--shape", "4,4", "--mode", "sideways")]
    [InlineData("takes no --mode", "init", "xavier-uniform", "--shape", "4,4", "--mode", "fan-in")]
    [InlineData("--shape is required", "init", "xavier-uniform")]
    [InlineData("Unknown non-linearity 'swish'", "init", "xavier-normal", "--shape", "4,4", "--nonlinearity", "swish")]
    public void Bad_input_gets_one_clear_line_on_stderr_and_a_nonzero_exit(string expected, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("glorot: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("(Parameter", stderr);
    }

    [Fact]
    public void Help_describes_the_options()
    {
        var (code, stdout, _) = CliRunner.Run("init", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--shape", stdout);
        Assert.Contains("--nonlinearity", stdout);
    }
}
