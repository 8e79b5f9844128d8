using Glorot.Cli.Commands;

namespace Glorot.Cli.Tests;

public class ThreadsOptionTests
{
    // Every command that trains or probes takes --threads; these arguments make each fail fast after parsing.
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "train", "no-such-spec.json" },
        new[] { "reproduce", "glorot2010" },
        new[] { "probe", "--examples", "2" },
        new[] { "bench", "train" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Zero_negative_absurd_and_non_numeric_counts_are_one_line_user_errors(string[] command)
    {
        foreach (var bad in new[] { "0", "-3", "1025", "many" })
        {
            var (code, stdout, stderr) = CliRunner.Run([.. command, "--threads", bad]);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            var first = stderr.Split('\n')[0];
            Assert.StartsWith("glorot: ", first);
            Assert.Contains(bad, first);
            if (bad != "many") Assert.Contains("--threads must be a thread count from 1 to 1024", first);
        }
    }

    [Fact]
    public void Help_of_each_command_names_the_option()
    {
        foreach (var command in new[] { "train", "reproduce", "probe" })
            Assert.Contains("--threads", CliRunner.Run(command, "--help").Stdout);
        Assert.Contains("--threads", CliRunner.Run("bench", "train", "--help").Stdout);
    }

    [Fact]
    public void The_flag_wins_a_valid_environment_sets_the_default_and_a_bad_one_is_an_error()
    {
        // The rule Apply(ParseResult) follows, with the environment passed in: setting GLOROT_THREADS in this
        // process would reach CLI tests running in parallel.
        var before = Compute.DefaultThreads;
        try
        {
            ThreadsOption.Apply(3, "not a number");
            Assert.Equal(3, Compute.DefaultThreads);
            ThreadsOption.Apply(null, "5");
            Assert.Equal(5, Compute.DefaultThreads);
            ThreadsOption.Apply(null, null);
            Assert.Equal(5, Compute.DefaultThreads);
            var e = Assert.Throws<UserInputException>(() => ThreadsOption.Apply(null, "0"));
            Assert.Equal("GLOROT_THREADS must be a thread count from 1 to 1024, not '0'.", e.Message);
            Assert.True(CliErrors.IsUserError(e));
        }
        finally
        {
            Compute.DefaultThreads = before;
        }
    }
}
