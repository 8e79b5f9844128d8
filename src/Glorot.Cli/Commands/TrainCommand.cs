using System.CommandLine;
using System.Globalization;
using Glorot.Lab.Runs;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot train spec.json [--out DIR] [--resume] [--threads N]</c>: one run from a run spec.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var specPath = new Argument<string>("spec") { Description = "run spec (JSON; keys in docs/LAB.md, comments allowed)" };
        var output = new Option<string?>("--out") { Description = "run directory (default: runs/NAME, NAME from the spec)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the run directory's latest checkpoint (bit-identical)" };
        var command = new Command("train",
            "Train one network from a run spec: metrics.csv (validation/test error), probe_summary.csv, probe_histograms.csv " +
            "and probes.jsonl (per-layer statistics), checkpoints/ and run.json in the run directory. A non-finite loss stops the run, " +
            "names the update and layer, and keeps the last good checkpoint.")
        {
            specPath, output, resume, ThreadsOption.Create(),
        };
        command.SetAction(result =>
        {
            ThreadsOption.Apply(result);
            var spec = RunSpecJson.Load(result.GetValue(specPath) ?? "");
            string dir = result.GetValue(output) ?? Path.Combine("runs", spec.Name);
            var o = result.InvocationConfiguration.Output;
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            RunResult outcome;
            try
            {
                outcome = ProgressDisplay.Run(o, spec.Name, report => Runner.Run(spec, dir, new RunOptions
            {
                Resume = result.GetValue(resume),
                Cancellation = stop.Token,
                Progress = new Forward(p => report(p.TestError is { } e ? string.Create(CultureInfo.InvariantCulture, $"test error {100 * e:F1} %") : "training", p.Step, p.Updates)),
            }));
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            switch (outcome.Status)
            {
                case RunStatus.Diverged:
                    var d = outcome.Divergence!;
                    result.InvocationConfiguration.Error.WriteLine(
                        $"glorot: training diverged at update {d.FailedUpdate} (first non-finite dense layer: {d.Layer}, 0 = the first, −1 = only the loss); the last good checkpoint (update {d.LastCheckpointStep}) is in {Path.GetFullPath(outcome.Directory.Checkpoints)}. Lower learning_rate or change init.");
                    return 3;
                case RunStatus.Cancelled:
                    result.InvocationConfiguration.Error.WriteLine($"glorot: stopped at update {outcome.Steps}; continue with --resume --out {dir}.");
                    return 130;
                default:
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{spec.Name}: {outcome.Steps:N0} updates in {outcome.Seconds:F1} s, test error {100 * outcome.FinalTestError:F2} %; run directory: {Path.GetFullPath(dir)}"));
                    return 0;
            }
        });
        return command;
    }

    private sealed class Forward(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
