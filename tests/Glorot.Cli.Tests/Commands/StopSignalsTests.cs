using System.Diagnostics;
using System.Text.Json;

namespace Glorot.Cli.Tests.Commands;

/// <summary>SIGTERM (Slurm, Kubernetes) stops `train` at a checkpoint with exit 143, like Ctrl+C with 130.</summary>
public sealed class StopSignalsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glorot-signal-" + Guid.NewGuid().ToString("N"));

    public StopSignalsTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Spec(long updates)
    {
        string path = Path.Combine(_dir, $"spec-{updates}.json");
        File.WriteAllText(path, $$"""
            { "name": "long", "hidden": [32, 32], "updates": {{updates}}, "evaluate_every": 1000000, "evaluation_examples": 20,
              "probe_every": 1000000, "probe_examples": 10, "weight_gradient_examples": 1, "histogram_bins": 4,
              "checkpoint_every": 1000000, "learning_rate": 0.01 }
            """);
        return path;
    }

    [SkippableFact]
    public void Sigterm_checkpoints_the_current_update_and_exits_143_and_resume_continues()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGTERM is a POSIX signal");
        string run = Path.Combine(_dir, "run");
        using var child = ChildProcess.Start(null, "train", Spec(10_000_000), "--out", run);
        var stderr = child.StandardError.ReadToEndAsync();
        _ = child.StandardOutput.ReadToEndAsync();
        // Wait until training is under way: the checkpoint at update 0 is complete.
        var clock = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(run, "checkpoints", "step-000000000", "state.json")) && clock.Elapsed.TotalSeconds < 60 && !child.HasExited)
            Thread.Sleep(50);
        Thread.Sleep(300);
        if (child.HasExited) Assert.Fail("train ended before the signal: " + stderr.Result);
        string ignored = File.ReadLines($"/proc/{child.Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn", StringComparison.Ordinal)) ?? "";
        using (var kill = Process.Start("kill", ["-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (!child.WaitForExit(30_000))
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail($"train did not stop within 30 s of SIGTERM ({ignored})");
        }

        Assert.Equal(143, child.ExitCode);
        Assert.Contains("stopped at update", stderr.Result);
        string checkpoint = Directory.GetDirectories(Path.Combine(run, "checkpoints")).Single();
        long step = JsonDocument.Parse(File.ReadAllText(Path.Combine(checkpoint, "state.json"))).RootElement.GetProperty("step").GetInt64();
        Assert.True(step > 0, "the checkpoint is not at the update where the signal arrived");
        Assert.Contains($"stopped at update {step};", stderr.Result);
        Assert.Equal("cancelled", JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "run.json"))).RootElement.GetProperty("status").GetString());

        var (exit, output, error) = CliRunner.Run("train", Spec(step + 5), "--out", run, "--resume");
        Assert.True(exit == 0, error);
        Assert.Contains("long: ", output);
        Assert.Equal(step + 5, JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "run.json"))).RootElement.GetProperty("steps").GetInt64());
    }

    [Fact]
    public void The_help_of_train_lists_the_exit_codes_of_both_signals()
    {
        var (_, output, _) = CliRunner.Run("train", "--help");
        Assert.Contains("130", output);
        Assert.Contains("143", output);
        Assert.Contains("SIGTERM", output);
    }
}
