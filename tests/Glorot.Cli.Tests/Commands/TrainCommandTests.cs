namespace Glorot.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    private const string TinySpec = """
        // a tiny tanh network
        { "name": "t", "hidden": [8, 8], "updates": 30, "evaluate_every": 10, "evaluation_examples": 40,
          "probe_every": 15, "probe_examples": 10, "weight_gradient_examples": 3, "histogram_bins": 8,
          "checkpoint_every": 10, "learning_rate": 0.05 }
        """;

    [Fact]
    public void Train_writes_a_run_directory_and_resume_extends_it()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-train-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            string spec = Path.Combine(dir, "spec-in.json");
            File.WriteAllText(spec, TinySpec);
            string run = Path.Combine(dir, "run");
            var (exit, output, error) = CliRunner.Run("train", spec, "--out", run);
            Assert.True(exit == 0, error);
            Assert.Contains("t: 30 updates", output);
            foreach (var file in new[] { "spec.json", "metrics.csv", "probe_summary.csv", "probe_histograms.csv", "probes.jsonl", "run.json" })
                Assert.True(File.Exists(Path.Combine(run, file)), file);

            File.WriteAllText(spec, TinySpec.Replace("\"updates\": 30", "\"updates\": 40", StringComparison.Ordinal));
            var (again, resumed, _) = CliRunner.Run("train", spec, "--out", run, "--resume");
            Assert.Equal(0, again);
            Assert.Contains("t: 40 updates", resumed);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Train_writes_tensorboard_events_unless_told_tensorboard_false()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-train-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            string spec = Path.Combine(dir, "spec-in.json");
            File.WriteAllText(spec, TinySpec);
            var (on, _, onError) = CliRunner.Run("train", spec, "--out", Path.Combine(dir, "on"));
            Assert.True(on == 0, onError);
            Assert.True(new FileInfo(Path.Combine(dir, "on", "tb", "events.out.tfevents.glorot")).Length > 0);
            var (off, _, offError) = CliRunner.Run("train", spec, "--out", Path.Combine(dir, "off"), "--tensorboard", "false");
            Assert.True(off == 0, offError);
            Assert.True(File.Exists(Path.Combine(dir, "off", "metrics.csv")));
            Assert.False(Directory.Exists(Path.Combine(dir, "off", "tb")));
            var (bad, _, badError) = CliRunner.Run("train", spec, "--out", Path.Combine(dir, "bad"), "--tensorboard", "maybe");
            Assert.NotEqual(0, bad);
            Assert.Contains("maybe", badError);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_bad_spec_is_a_one_line_error_naming_the_file_and_key()
    {
        string path = Path.Combine(Path.GetTempPath(), "glorot-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ \"learning_rate\": -0.1 }");
        try
        {
            var (exit, _, error) = CliRunner.Run("train", path);
            Assert.Equal(2, exit);
            Assert.Contains(path, error);
            Assert.Contains("learning_rate", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_diverging_run_exits_3_naming_the_update_and_the_kept_checkpoint()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-div-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            string spec = Path.Combine(dir, "s.json");
            File.WriteAllText(spec, TinySpec.Replace("\"learning_rate\": 0.05", "\"learning_rate\": 1e30", StringComparison.Ordinal)
                .Replace("\"updates\": 30", "\"updates\": 200", StringComparison.Ordinal));
            var (exit, _, error) = CliRunner.Run("train", spec, "--out", Path.Combine(dir, "run"));
            Assert.Equal(3, exit);
            Assert.Contains("diverged at update", error);
            Assert.Contains("last good checkpoint", error);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_run_already_there_needs_resume_or_force_and_resume_needs_a_run()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-force-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            string spec = Path.Combine(dir, "s.json");
            File.WriteAllText(spec, TinySpec);
            string run = Path.Combine(dir, "run");
            var (missing, _, missingError) = CliRunner.Run("train", spec, "--out", run, "--resume");
            Assert.Equal(2, missing);
            Assert.Contains("does not exist, so there is no run to resume", missingError);
            Assert.Equal(0, CliRunner.Run("train", spec, "--out", run).ExitCode);
            string metrics = File.ReadAllText(Path.Combine(run, "metrics.csv"));

            var (again, _, againError) = CliRunner.Run("train", spec, "--out", run);
            Assert.Equal(2, again);
            Assert.Contains("already holds a run (checkpoint at update 30); continue it with --resume, or start over with --force", againError);
            Assert.Equal(metrics, File.ReadAllText(Path.Combine(run, "metrics.csv")));
            Assert.Equal(0, CliRunner.Run("train", spec, "--out", run, "--force").ExitCode);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void The_divergence_message_states_its_numbering()
    {
        string dir = Path.Combine(Path.GetTempPath(), "glorot-div-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            string spec = Path.Combine(dir, "s.json");
            File.WriteAllText(spec, TinySpec.Replace("\"learning_rate\": 0.05", "\"learning_rate\": 1e30", StringComparison.Ordinal)
                .Replace("\"updates\": 30", "\"updates\": 200", StringComparison.Ordinal));
            var (exit, _, error) = CliRunner.Run("train", spec, "--out", Path.Combine(dir, "run"));
            Assert.Equal(3, exit);
            Assert.Contains("layer 1 is the first hidden layer", error);
            Assert.Contains("updates are counted from 1", error);
            Assert.DoesNotContain("0 = the first", error);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
