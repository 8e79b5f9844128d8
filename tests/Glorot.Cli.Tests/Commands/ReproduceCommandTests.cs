namespace Glorot.Cli.Tests.Commands;

public sealed class ReproduceCommandTests
{
    [Fact]
    public void The_tiny_profile_runs_end_to_end_and_prints_where_the_report_is()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--out", dir, "--seed", "3");
            Assert.True(exit == 0, error);
            string report = Path.GetFullPath(Path.Combine(dir, "report.html"));
            Assert.Contains($"report: {report}", output);
            Assert.True(File.Exists(report));
            Assert.Contains("training tanh-n", output);
            Assert.Contains("\"seed\": 3", File.ReadAllText(Path.Combine(dir, "runs", "tanh", "spec.json")));

            var (again, resumed, _) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--out", dir, "--seed", "3", "--resume");
            Assert.Equal(0, again);
            Assert.Contains("report:", resumed);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("reproduce", "glorot2011", "Unknown suite 'glorot2011'")]
    [InlineData("reproduce", "glorot2010", "Unknown profile 'huge'", "--profile", "huge")]
    [InlineData("reproduce", "glorot2010", "--width 0", "--profile", "tiny", "--width", "0")]
    [InlineData("reproduce", "glorot2010", "--seeds 0", "--profile", "tiny", "--seeds", "0")]
    [InlineData("reproduce", "glorot2010", "learning-rate grid is empty", "--profile", "tiny", "--learning-rates", ",")]
    [InlineData("reproduce", "glorot2010", "Learning rate -0.1 in the grid is not a positive number", "--profile", "tiny", "--learning-rates", "0.1,-0.1")]
    public void Bad_arguments_are_one_line_errors_with_exit_code_2(params string[] argsThenMessage)
    {
        // The message is the third item; the rest are arguments.
        string message = argsThenMessage[2];
        string[] args = [.. argsThenMessage.Take(2), .. argsThenMessage.Skip(3)];
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Help_names_every_profile_and_resume()
    {
        var (exit, output, _) = CliRunner.Run("reproduce", "--help");
        Assert.Equal(0, exit);
        foreach (var profile in new[] { "quick", "medium", "narrow", "full" }) Assert.Contains(profile, output);
        foreach (var option in new[] { "--width", "--seeds", "--learning-rates" }) Assert.Contains(option, output);
        Assert.Contains("--resume", output);
        Assert.Contains("--seed", output);
    }
}
