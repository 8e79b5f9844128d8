namespace Glorot.Cli.Tests;

public class ProgramTests
{
    [Fact]
    public void Unknown_command_prints_the_problem_and_where_to_find_help()
    {
        var (code, stdout, stderr) = CliRunner.Run("bogus");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("glorot: Unrecognized command or argument 'bogus'.", stderr);
        Assert.Contains("Run 'glorot --help' for usage.", stderr);
    }

    [Fact]
    public void Unparsable_option_names_the_option_and_the_sub_command_help()
    {
        var (code, _, stderr) = CliRunner.Run("init", "xavier-uniform", "--shape", "3,3", "--seed", "abc");
        Assert.Equal(2, code);
        Assert.Contains("'--seed'", stderr);
        Assert.Contains("Run 'glorot init --help' for usage.", stderr);
    }

    [Fact]
    public void Help_names_the_command_glorot()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("glorot [command] [options]", stdout);
    }
}
