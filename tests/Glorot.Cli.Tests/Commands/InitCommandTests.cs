using System.Text.Json;
using Glorot.Init;

namespace Glorot.Cli.Tests.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("glorot-cli-init-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonElement Json(params string[] args)
    {
        var (exit, output, error) = CliRun.Run(args);
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
    public void Verify_passes_an_honest_draw_and_prints_the_verdict()
    {
        var (exit, output, _) = CliRun.Run("init", "xavier-uniform", "--shape", "256,784", "--verify");
        Assert.Equal(0, exit);
        Assert.Contains("verify        PASS", output);
        Assert.Contains("ks", output);
    }

    [Fact]
    public void Verify_fails_a_deliberately_miscalibrated_draw_with_exit_code_one()
    {
        // Test hook: the draw is 10 % wider than xavier-uniform claims.
        var (exit, output, _) = CliRun.Run("init", "xavier-uniform", "--shape", "256,784", "--verify", "--test-miscalibrate", "1.1");
        Assert.Equal(1, exit);
        Assert.Contains("FAIL", output);
        var json = Json("init", "xavier-uniform", "--shape", "256,784", "--verify", "--json");
        Assert.True(json.GetProperty("verify").GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Provenance_records_are_written_and_read_back()
    {
        var (exit, _, error) = CliRun.Run("init", "--preset", "keras-dense", "--in", "10", "--out", "5", "--seed", "9", "--name", "fc1", "--provenance", _directory);
        Assert.True(exit == 0, error);
        var weight = Provenance.Read(Path.Combine(_directory, "fc1.weight.init.json"));
        var bias = Provenance.Read(Path.Combine(_directory, "fc1.bias.init.json"));
        Assert.Equal(("keras-dense", 9UL, 0UL), (weight.Scheme, weight.Seed, weight.Stream));
        Assert.Equal([10, 5], weight.Shape);
        Assert.Equal(("keras-dense-bias", 1UL), (bias.Scheme, bias.Stream));
    }

    [Fact]
    public void New_truncated_normal_names_are_listed_and_drawn()
    {
        var (_, list, _) = CliRun.Run("init", "--list");
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
    [InlineData("not both", "init", "he-normal", "--preset", "pytorch-linear", "--in", "3", "--out", "8")]
    [InlineData("divide both", "init", "he-normal", "--layer", "conv2d", "--kernel", "3x3", "--in", "3", "--out", "8", "--groups", "2")]
    [InlineData("plain file name", "init", "he-normal", "--shape", "3,3", "--name", "../x", "--provenance", ".")]
    [InlineData("--fan-convention", "init", "he-normal", "--layer", "dense", "--in", "3", "--out", "8", "--fan-convention", "caffe")]
    public void User_errors_print_one_line_and_exit_two(string expected, params string[] args)
    {
        var (exit, _, error) = CliRun.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
