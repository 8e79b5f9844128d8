using Glorot.Init;

namespace Glorot.Tests.Init;

public sealed class InitOptionNamesTests
{
    [Fact]
    public void Every_value_of_each_option_has_one_entry_and_no_name_reads_as_two_values()
    {
        Check(InitOptionNames.FanModes);
        Check(InitOptionNames.Distributions);
        Check(InitOptionNames.Layouts);
        Check(InitOptionNames.FanConventions);

        static void Check<T>(IReadOnlyList<OptionName<T>> table) where T : struct, Enum
        {
            Assert.Equal(Enum.GetValues<T>(), table.Select(n => n.Value));
            var spellings = table.SelectMany(n => n.Aliases.Prepend(n.Name)).ToList();
            Assert.Equal(spellings.Count, spellings.Distinct().Count());
            Assert.All(spellings, s => Assert.Equal(s.Trim().ToLowerInvariant(), s));
            Assert.Same(table, InitOptionNames.Of<T>());
        }
    }

    [Theory]
    [InlineData("fan-in", FanMode.FanIn)]
    [InlineData(" FAN_OUT ", FanMode.FanOut)]
    [InlineData("average", FanMode.FanAvg)]
    [InlineData("geo-avg", FanMode.FanGeoAvg)]
    public void Names_and_aliases_parse_ignoring_case_and_spaces(string text, FanMode expected)
    {
        Assert.True(InitOptionNames.TryParse(text, out FanMode mode));
        Assert.Equal(expected, mode);
        Assert.False(InitOptionNames.TryParse("fan-sum", out FanMode _));
        Assert.True(InitOptionNames.TryParse("tensorflow", out TensorLayout layout));
        Assert.Equal(TensorLayout.KernelInOut, layout);
        Assert.True(InitOptionNames.TryParse("tensorflow", out FanConvention convention));
        Assert.Equal(FanConvention.Keras, convention);
    }

    [Fact]
    public void The_schemes_messages_print_the_canonical_name()
    {
        Assert.Equal("fan-geo-avg", InitOptionNames.NameOf(FanMode.FanGeoAvg));
        var ex = Assert.Throws<ArgumentException>(() => Schemes.Create("he-normal", new InitOptions { Mode = FanMode.FanGeoAvg }));
        Assert.Contains("not fan-geo-avg", ex.Message);
        Assert.Throws<ArgumentException>(() => InitOptionNames.Of<ActivationKind>());
    }
}
