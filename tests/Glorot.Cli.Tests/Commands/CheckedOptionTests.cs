using System.CommandLine;
using Glorot.Cli.Commands;
using Glorot.Init;

namespace Glorot.Cli.Tests.Commands;

public class CheckedOptionTests
{
    // Read by the library's table (InitOptionNames.FanModes), the one list of the names of each fan mode.
    private static readonly Option<FanMode?> Mode = CheckedOption.Named<FanMode>("--mode", "fan mode");

    private static readonly Option<int[]?> Shape = CheckedOption.Create("--shape", "shape", text => UserInput.Check(() => Shapes.Parse(text)));

    private static ParseResult Parse(params string[] args)
    {
        var command = new Command("t") { Mode, Shape };
        return command.Parse(args);
    }

    [Theory]
    [InlineData("fan-in", FanMode.FanIn)]
    [InlineData("IN", FanMode.FanIn)]
    [InlineData(" Fan-Out ", FanMode.FanOut)]
    public void A_named_value_is_read_under_any_of_its_names_in_any_case(string text, FanMode expected) =>
        Assert.Equal(expected, Parse("--mode", text).GetValue(Mode));

    [Fact]
    public void An_unknown_name_is_a_user_error_listing_the_first_name_of_each_value()
    {
        var ex = Assert.Throws<UserInputException>(() => Parse("--mode", "sideways").GetValue(Mode));
        Assert.Equal("--mode 'sideways' is not one of fan-in, fan-out, fan-avg, fan-geo-avg.", ex.Message);
    }

    [Fact]
    public void An_absent_option_reads_as_null_and_a_given_one_through_its_parser()
    {
        var absent = Parse();
        Assert.Null(absent.GetValue(Mode));
        Assert.Null(CheckedOption.Given(absent, Shape));
        Assert.Equal(new[] { 256, 784 }, CheckedOption.Given(Parse("--shape", "256,784"), Shape));
        Assert.Throws<UserInputException>(() => CheckedOption.Given(Parse("--shape", "3,,3"), Shape));
    }

    [Fact]
    public void A_parsed_value_type_reads_through_its_parser_is_null_when_absent_and_names_itself_in_help()
    {
        var stage = CheckedOption.Parsed("--stage", "stage", text => UserInput.Check(() => Glorot.Lab.Suites.SuiteProfiles.ParseStage(text)));
        var command = new Command("t") { stage };
        Assert.Equal(Glorot.Lab.Suites.SuiteStage.Final, command.Parse(["--stage", "FINAL"]).GetValue(stage));
        Assert.Null(command.Parse([]).GetValue(stage));
        var ex = Assert.Throws<UserInputException>(() => command.Parse(["--stage", "both"]).GetValue(stage));
        Assert.Equal("Unknown stage 'both'; use all, selection or final.", ex.Message);
        Assert.Equal("stage", stage.HelpName);
    }
}
