using System.Text.RegularExpressions;
using Glorot.Init;

namespace Glorot.Cli.Tests.Commands;

/// <summary>The CLI's lists and help are the registries: every registered name and alias shows, none is typed twice.</summary>
public class RegistryListingTests
{
    [Fact]
    public void Init_list_shows_every_scheme_with_its_aliases_and_lsuv_as_data_dependent()
    {
        var (exit, output, _) = CliRunner.Run("init", "--list");
        Assert.Equal(0, exit);
        foreach (var scheme in SchemeRegistry.All)
        {
            Assert.Contains($"{scheme.Name,-26} {scheme.Formula}", output);
            foreach (var alias in scheme.Aliases) Assert.Contains(alias, output);
        }
        int dataDependent = output.IndexOf("Data-dependent", StringComparison.Ordinal);
        Assert.True(dataDependent > 0 && output.IndexOf("lsuv ", StringComparison.Ordinal) > dataDependent);
        foreach (var refused in Schemes.Ambiguous.Keys) Assert.Contains(refused, output);
        Assert.DoesNotContain("glorot-* = xavier-*", output); // glorot-uniform is refused, not an alias
    }

    [Fact]
    public void Gain_list_and_help_show_every_activation_name_and_alias()
    {
        var (exit, output, _) = CliRunner.Run("gain", "--list");
        Assert.Equal(0, exit);
        foreach (var name in ActivationRegistry.NamesAndAliases) Assert.Contains(name, output);
        foreach (var command in new[] { "probe", "theory", "gain" })
        {
            var (_, help, _) = CliRunner.Run(command, "--help");
            // Help may wrap long descriptions: compare with every run of white space as one space.
            Assert.Contains(OneSpace(ActivationRegistry.Help), OneSpace(help));
        }
    }

    [Theory]
    [InlineData("lrelu", "leaky-relu:0.01")]
    [InlineData("leaky:0.2", "leaky-relu:0.2")]
    [InlineData("logistic", "sigmoid")]
    public void Gain_takes_every_alias(string alias, string canonical)
    {
        var (exit, output, _) = CliRunner.Run("gain", alias);
        Assert.Equal(0, exit);
        Assert.Contains($"activation    {canonical}:", output);
    }

    [Fact]
    public void Gain_prints_the_registry_note_where_the_classic_value_is_not_the_computed_one()
    {
        var (_, output, _) = CliRunner.Run("gain", "sigmoid");
        Assert.Contains("; " + ActivationRegistry.Get(ActivationKind.Sigmoid).ClassicGainNote, output);
        (_, output, _) = CliRunner.Run("gain", "relu");
        Assert.DoesNotContain("; ", output.Split('\n').Single(l => l.StartsWith("classic", StringComparison.Ordinal)));
    }

    private static string OneSpace(string text) => Regex.Replace(text, @"\s+", " ");
}
