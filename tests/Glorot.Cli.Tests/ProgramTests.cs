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
    public void A_parse_error_listing_the_allowed_values_is_still_one_line()
    {
        // System.CommandLine writes "Must be one of:" followed by one value per line.
        var (code, _, stderr) = CliRunner.Run("data", "stats", "foo");
        Assert.Equal(2, code);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length); // the problem, then where the help is
        Assert.Contains("'foo'", lines[0]);
        Assert.Contains("'shapeset'", lines[0]);
        Assert.Contains("'cifar10'", lines[0]);
    }

    [Fact]
    public void Help_names_the_command_glorot()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("glorot [command] [options]", stdout);
    }

    [Fact]
    public void A_request_beyond_the_memory_budget_is_reported_as_a_user_error_in_one_line()
    {
        // Issue 8 point 9: the budget's refusal is the user's (with advice); a bare OutOfMemoryException is a bug
        // (ErrorPolicyTests).
        var ex = Assert.Throws<UserInputException>(() => UserInput.Check(() => MemoryBudget.Require(MemoryBudget.Available * 2.0, "A test")));
        Assert.True(CliErrors.IsUserError(ex));
        Assert.StartsWith("A test needs about", CliErrors.Describe(ex));
    }

    [Fact]
    public void A_missing_SkiaSharp_native_library_is_one_line_naming_the_runtimes_the_tool_carries()
    {
        // As SkiaSharp throws it when runtimes/RID/native/libSkiaSharp.so is not in the package (seen on linux-x64 with it removed).
        var missing = new TypeInitializationException("SkiaSharp.SKImageInfo",
            new DllNotFoundException("Unable to load shared library 'libSkiaSharp' or one of its dependencies."));
        string? line = CliErrors.MissingPlottingLibrary(new AggregateException(missing));
        Assert.NotNull(line);
        Assert.Contains("linux-x64, linux-arm64, osx and win-x64", line);
        Assert.Contains("glorot report", line);
        Assert.DoesNotContain('\n', line);
        Assert.Null(CliErrors.MissingPlottingLibrary(new DllNotFoundException("Unable to load shared library 'libopenblas'")));
    }
}
