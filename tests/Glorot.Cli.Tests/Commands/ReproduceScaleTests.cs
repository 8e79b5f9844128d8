namespace Glorot.Cli.Tests.Commands;

public sealed class ReproduceScaleTests
{
    private static string NewDir() => Path.Combine(Path.GetTempPath(), "glorot-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void List_prints_every_run_with_its_digest_updates_and_cost_and_trains_nothing()
    {
        var (exit, output, error) = CliRunner.Run("reproduce", "glorot2010", "--profile", "medium", "--list");
        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 15 + 1, lines.Length);
        Assert.Matches(@"^tanh@lr=0\.01 +[0-9a-f]{12} +500,000 +20,000 +281\.5 ", lines.Single(l => l.StartsWith("tanh@lr=0.01 ", StringComparison.Ordinal)));
        Assert.Contains("PFLOP", lines[^1]);
    }

    [Fact]
    public void Exported_specs_are_accepted_unchanged_by_glorot_train()
    {
        string dir = NewDir();
        try
        {
            var (exit, output, error) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--export-specs", dir);
            Assert.True(exit == 0, error);
            Assert.Contains("wrote 5 run specs", output);
            var (trained, _, trainError) = CliRunner.Run("train", Path.Combine(dir, "tanh.json"), "--out", Path.Combine(dir, "runs", "tanh"));
            Assert.True(trained == 0, trainError);
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "tanh.json")), File.ReadAllText(Path.Combine(dir, "runs", "tanh", "spec.json")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Shards_with_two_jobs_then_report_make_the_report_of_one_process()
    {
        string dir = NewDir();
        try
        {
            Assert.Equal(0, CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--out", Path.Combine(dir, "one")).ExitCode);
            for (int i = 0; i < 2; i++)
            {
                var (exit, output, error) = CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--jobs", "2", "--shard", $"{i}/2", "--out", Path.Combine(dir, $"s{i}"));
                Assert.True(exit == 0, error);
                Assert.Contains("glorot report", output);
            }
            var (code, text, err) = CliRunner.Run("report", Path.Combine(dir, "s0"), Path.Combine(dir, "s1"), "--out", Path.Combine(dir, "report"));
            Assert.True(code == 0, err);
            Assert.Contains("5 runs gathered", text);
            foreach (var csv in new[] { "table1.csv", "jacobian.csv", Path.Combine("figures", "fig11-test-error.csv") })
                Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "one", csv)), File.ReadAllBytes(Path.Combine(dir, "report", csv)));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("index must be below the count", "--shard", "3/2")]
    [InlineData("not i/n", "--shard", "-1/4")]
    [InlineData("--jobs 0", "--jobs", "0")]
    [InlineData("--jobs 100000", "--jobs", "100000")]
    [InlineData("no run or network is named 'tanhh'", "--only", "tanhh")]
    [InlineData("Unknown stage 'both'", "--stage", "both")]
    [InlineData("a shard runs one stage", "--learning-rates", "0.01,0.1", "--shard", "0/2")]
    public void Bad_scale_options_are_one_line_errors_with_exit_2_and_write_nothing(string message, params string[] options)
    {
        string dir = NewDir();
        var (exit, _, error) = CliRunner.Run(["reproduce", "glorot2010", "--profile", "tiny", "--out", dir, .. options]);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(dir), "a refused invocation wrote its output directory");
    }

    [Fact]
    public void Report_refuses_directories_of_different_suite_runs_and_half_written_runs_without_writing()
    {
        string dir = NewDir();
        try
        {
            Assert.Equal(0, CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--shard", "0/2", "--out", Path.Combine(dir, "a")).ExitCode);
            Assert.Equal(0, CliRunner.Run("reproduce", "glorot2010", "--profile", "tiny", "--shard", "1/2", "--seed", "9", "--out", Path.Combine(dir, "b")).ExitCode);
            var (exit, _, error) = CliRunner.Run("report", Path.Combine(dir, "a"), Path.Combine(dir, "b"), "--out", Path.Combine(dir, "report"));
            Assert.Equal(2, exit);
            Assert.Contains("belongs to another suite run", error);
            Assert.Contains("seeds 1×1 vs 9×1", error);
            Assert.Single(error.Trim().Split('\n'));
            Assert.False(Directory.Exists(Path.Combine(dir, "report")));

            string run = Directory.GetDirectories(Path.Combine(dir, "a", "runs"))[0];
            File.Delete(Path.Combine(run, "run.json"));
            (exit, _, error) = CliRunner.Run("report", Path.Combine(dir, "a"), "--out", Path.Combine(dir, "report"));
            Assert.Equal(2, exit);
            Assert.Contains("half-written run", error);
            Assert.False(Directory.Exists(Path.Combine(dir, "report")));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
