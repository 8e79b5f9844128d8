using System.Text.Json;

namespace Glorot.Cli.Tests;

public class InitCommandTests
{
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
    }

    [Theory]
    [InlineData("Unknown scheme 'bogus'", "init", "bogus", "--shape", "4,4")]
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
