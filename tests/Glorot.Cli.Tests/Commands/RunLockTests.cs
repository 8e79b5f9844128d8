using System.Diagnostics;

namespace Glorot.Cli.Tests.Commands;

/// <summary>Two processes on one run directory: the second gets one line naming the first's PID, and changes nothing.</summary>
public sealed class RunLockTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glorot-lock-" + Guid.NewGuid().ToString("N"));

    public RunLockTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [SkippableFact]
    public void A_second_process_on_a_running_directory_is_refused_naming_the_first()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "the holder's PID is read with POSIX calls");
        string spec = Path.Combine(_dir, "s.json");
        File.WriteAllText(spec, """
            { "name": "held", "hidden": [32, 32], "updates": 10000000, "evaluate_every": 1000000, "evaluation_examples": 20,
              "probe_every": 1000000, "probe_examples": 10, "weight_gradient_examples": 1, "histogram_bins": 4,
              "checkpoint_every": 1000000, "learning_rate": 0.01 }
            """);
        string run = Path.Combine(_dir, "run");
        using var first = ChildProcess.Start(null, "train", spec, "--out", run);
        _ = first.StandardOutput.ReadToEndAsync();
        _ = first.StandardError.ReadToEndAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(run, "checkpoints", "step-000000000", "state.json")) && clock.Elapsed.TotalSeconds < 60 && !first.HasExited)
                Thread.Sleep(50);
            string metrics = File.ReadAllText(Path.Combine(run, "metrics.csv"));
            var (exit, _, error) = CliRunner.Run("train", spec, "--out", run, "--resume");
            Assert.Equal(2, exit);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.Contains($"is in use by another glorot process (PID {first.Id})", error);
            Assert.Equal(metrics, File.ReadAllText(Path.Combine(run, "metrics.csv")));
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }
    }
}
