using System.Text.Json;

namespace Glorot.Cli.Tests;

public class BenchTrainCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Glorot(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] Tiny =
        ["bench", "train", "--inputs", "8", "--hidden", "16x2", "--classes", "3", "--batch", "4", "--steps", "5",
         "--warmup", "1", "--repeats", "2"];

    [Fact]
    public void Json_reports_rates_consistent_with_the_flop_count()
    {
        var (code, stdout, stderr) = Glorot([.. Tiny, "--threads", "1", "--peak", "117", "--json"]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("8-16-16-3", root.GetProperty("network").GetString());
        double steps = root.GetProperty("steps_per_second").GetDouble();
        Assert.True(steps > 0);
        Assert.Equal(steps * 4, root.GetProperty("examples_per_second").GetDouble(), 1e-6 * steps);
        // forward 2·(8·16 + 16·16 + 16·3) = 864, weight gradient the same, data 2·(16·16 + 16·3) = 608.
        Assert.Equal(864 + 864 + 608, root.GetProperty("flop_per_example").GetDouble());
        Assert.Equal(117, root.GetProperty("peak_gflop_per_second").GetDouble()); // --peak × 1 thread
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.Equal(2, root.GetProperty("repeat_seconds").GetArrayLength());
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Fused_chooses_the_one_pass_or_the_two_pass_backward_step_and_is_reported(string flag, bool expected)
    {
        var (code, stdout, stderr) = Glorot([.. Tiny, "--threads", "1", "--peak", "117", "--fused", flag, "--json"]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(expected, json.RootElement.GetProperty("fused_backward").GetBoolean());
    }

    [Fact]
    public void Text_output_names_the_network_and_the_rates()
    {
        var (code, stdout, stderr) = Glorot(Tiny);
        Assert.True(code == 0, stderr);
        Assert.Contains("network 8-16-16-3, tanh, batch 4", stdout);
        Assert.Contains("steps/s", stdout);
        Assert.Contains("of peak", stdout);
    }

    [Fact]
    public void Without_peak_the_fma_peak_is_measured_and_scaled_by_the_usable_cores()
    {
        var (code, stdout, stderr) = Glorot([.. Tiny, "--threads", "3", "--json"]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("threads").GetInt32());
        // An x86 core does 8–64 FP32 FLOP per cycle (2 FMA pipes, 128- to 512-bit) at 1–6 GHz: 8–384 GFLOP/s.
        double perCore = root.GetProperty("peak_gflop_per_second").GetDouble() / Math.Min(3, Environment.ProcessorCount);
        Assert.InRange(perCore, 8, 384);
    }

    [Theory]
    [InlineData("--activation", "swish", "Unknown activation")]
    [InlineData("--peak", "0", "The peak must be a positive number")]
    [InlineData("--hidden", "10x", "Hidden widths")]
    [InlineData("--batch", "0", "--batch must be positive")]
    public void Bad_values_are_user_errors_with_a_clear_message(string option, string value, string message)
    {
        var args = (string[])Tiny.Clone();
        int at = Array.IndexOf(args, option);
        if (at >= 0) args[at + 1] = value;
        else args = [.. args, option, value];
        var (code, _, stderr) = Glorot(args);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void Nesterov_is_measured_with_momentum_and_refused_without()
    {
        var (code, stdout, stderr) = Glorot([.. Tiny, "--threads", "1", "--peak", "117", "--momentum", "0.9", "--nesterov", "--json"]);
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("nesterov").GetBoolean());
        var (bad, _, error) = Glorot([.. Tiny, "--nesterov"]);
        Assert.Equal(2, bad);
        Assert.Contains("Nesterov momentum needs a momentum above 0", error);
    }
}
