using System.Text.Json;

namespace Glorot.Cli.Tests.Commands;

public class GainCommandTests
{
    [Fact]
    public void Relu_gain_is_root_two_both_ways()
    {
        var (exit, output, _) = CliRunner.Run("gain", "relu");
        Assert.Equal(0, exit);
        Assert.Contains("forward       gain 1.414213562", output);
        Assert.Contains("backward      gain 1.414213562", output);
        Assert.Contains("classic       1.414213562", output);
    }

    [Fact]
    public void Tanh_forward_gain_is_printed_beside_the_classic_five_thirds()
    {
        var (exit, output, _) = CliRunner.Run("gain", "tanh", "--mode", "forward");
        Assert.Equal(0, exit);
        Assert.Contains("gain 1.59253742", output);
        Assert.DoesNotContain("backward", output);
        Assert.Contains("classic       1.666666667", output);
        Assert.Contains("empirical", output);
    }

    [Fact]
    public void Json_output_carries_gain_mean_square_and_method()
    {
        var (exit, output, _) = CliRunner.Run("gain", "gelu", "--mode", "backward", "--json");
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        var gain = json.GetProperty("gains")[0];
        Assert.Equal("backward", gain.GetProperty("mode").GetString());
        Assert.Equal(1.4811144127083481966, gain.GetProperty("gain").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("classic_gain").ValueKind);
    }

    [Fact]
    public void List_names_every_activation()
    {
        var (_, output, _) = CliRunner.Run("gain", "--list");
        foreach (var name in new[] { "gelu", "silu", "softsign", "elu", "selu", "softplus" }) Assert.Contains(name, output);
    }

    [Theory]
    [InlineData("Unknown activation", "gain", "mish")]
    [InlineData("--mode 'sideways'", "gain", "tanh", "--mode", "sideways")]
    [InlineData("Name an activation", "gain")]
    public void User_errors_exit_two(string expected, params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
    }
}
