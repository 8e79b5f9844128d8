using Glorot.Lab.Experiments;

namespace Glorot.Cli.Tests.Commands;

public sealed class ReproduceExperimentTests
{
    [Fact]
    public void List_without_a_suite_shows_every_suite_and_profile_with_a_time()
    {
        var (exit, output, error) = CliRunner.Run("reproduce", "--list");
        Assert.True(exit == 0, error);
        foreach (var profile in new[] { "quick", "medium", "narrow", "full" }) Assert.Contains($"glorot2010  {profile}", output);
        foreach (var suite in ExperimentSuites.All)
            Assert.Matches($@"{suite.Name} +quick +\d+(\.\d)? (s|min)", output);
    }

    [Theory]
    [InlineData("Name a suite", "reproduce")]
    [InlineData("has no medium profile", "reproduce", "symmetry", "--profile", "medium")]
    [InlineData("--width apply to glorot2010 only", "reproduce", "symmetry", "--width", "10")]
    [InlineData("Unknown suite 'symmetries'", "reproduce", "symmetries")]
    public void Bad_arguments_are_one_line_errors_with_exit_code_2(string message, params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void The_symmetry_suite_runs_from_the_command_line_and_prints_its_report()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = CliRunner.Run("reproduce", "symmetry", "--profile", "tiny", "--out", dir);
            Assert.True(exit == 0, error);
            Assert.Contains($"report: {Path.GetFullPath(Path.Combine(dir, "report.html"))}", output);
            Assert.True(File.Exists(Path.Combine(dir, "claims.json")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
