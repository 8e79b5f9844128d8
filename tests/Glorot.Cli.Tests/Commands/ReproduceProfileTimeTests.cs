namespace Glorot.Cli.Tests.Commands;

public sealed class ReproduceProfileTimeTests
{
    [Fact]
    public void Profile_time_prints_the_breakdown_and_writes_the_suite_s_timings_csv_and_logs_show_ten_percent_lines()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output, error) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--out", dir, "--profile-time");
            Assert.True(exit == 0, error);
            string timings = Path.Combine(dir, "timings.csv");
            var lines = File.ReadAllLines(timings);
            Assert.Equal("phase,seconds,count", lines[0]);
            Assert.Equal(["training", "data", "evaluating", "probing", "jacobians", "checkpoint", "figures", "report"], lines.Skip(1).Select(l => l.Split(',')[0]));
            Assert.Contains($"where the time went ({Path.GetFullPath(timings)}):", output);
            Assert.Contains("wall time", output);
            // Output that is not a terminal gets a line at every 10 % of the suite's updates.
            Assert.Contains("glorot2010: 10 % (", output);
            Assert.Contains("glorot2010: 100 % (", output);
            // The tiny profile skips the speed check (it would take longer than the training).
            Assert.DoesNotContain("speed check", output);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
