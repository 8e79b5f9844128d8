using System.CommandLine;
using System.Globalization;
using Glorot.Lab.Runs;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot train spec.json [--out DIR] [--resume | --force] [--threads N]</c>: one run from a run spec.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var specPath = new Argument<string>("spec") { Description = "run spec (JSON, comments allowed; `glorot reproduce glorot2010 --export DIR` writes specs that use every key)" };
        var output = new Option<string?>("--out") { Description = "run directory (default: runs/NAME, NAME from the spec)" };
        var resume = new Option<bool>("--resume") { Description = "continue from the run directory's newest complete checkpoint (bit-identical on the same compute path)" };
        var force = new Option<bool>("--force") { Description = "start over in a run directory that already holds a run (deletes its results and checkpoints)" };
        var tensorboard = TensorBoardOption.Create();
        var command = new Command("train",
            "Train one network from a run spec: metrics.csv (validation/test error), probe_summary.csv, probe_histograms.csv " +
            "and probes.jsonl (per-layer statistics), tb/ (TensorBoard events), checkpoints/ and run.json in the run directory. A non-finite loss stops the run, " +
            "names the update and layer, and keeps the last good checkpoint (exit 3). Ctrl+C or SIGTERM stops at a checkpoint " +
            $"(exit {ExitCodes.Interrupted} or {ExitCodes.Terminated}); --resume continues.")
        {
            specPath, output, resume, force, tensorboard, ThreadsOption.Create(),
        };
        command.SetAction(result =>
        {
            ThreadsOption.Apply(result);
            var spec = UserInput.Check(() => RunSpecJson.Load(result.GetValue(specPath) ?? ""));
            string dir = result.GetValue(output) ?? RunDirectory.Default(spec).Root;
            var o = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            using var stop = StopSignals.Listen();
            var outcome = ProgressDisplay.Run(o, spec.Name, report =>
            {
                // Runner.Prepare refuses a spec that cannot run here (memory, a run already in --out, a resume that does
                // not match) before anything is written: the user's spec and options. Training itself is not the user's.
                using var run = UserInput.Check(() => Runner.Prepare(spec, dir, new RunOptions
                {
                    Resume = result.GetValue(resume),
                    Force = result.GetValue(force),
                    TensorBoard = result.GetValue(tensorboard),
                    Cancellation = stop.Token,
                    Notice = line => error.WriteLine($"glorot: note: {line}"),
                    Progress = new SyncProgress<RunProgress>(p => report(Describe(p), p.Step, p.Updates)),
                }));
                return run.Train();
            });
            switch (outcome.Status)
            {
                case RunStatus.Diverged:
                    var d = outcome.Divergence!;
                    error.WriteLine($"glorot: {d.Message} Checkpoints: {Path.GetFullPath(outcome.Directory.Checkpoints)}. Lower learning_rate or change init.");
                    return ExitCodes.Diverged;
                case RunStatus.Cancelled:
                    error.WriteLine($"glorot: stopped at update {outcome.Steps}; continue with --resume --out {dir}.");
                    return stop.ExitCode;
                default:
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{spec.Name}: {outcome.Steps:N0} updates in {outcome.Seconds:F1} s, test error {100 * outcome.FinalTestError:F2} %; run directory: {Path.GetFullPath(dir)}"));
                    return ExitCodes.Success;
            }
        });
        return command;
    }

    // What the run is doing: a phase other than training by name, otherwise the latest test error.
    private static string Describe(RunProgress p) =>
        p.Phase != RunPhase.Training ? RunTimings.Name(p.Phase)
        : p.TestError is { } e ? string.Create(CultureInfo.InvariantCulture, $"training, test error {100 * e:F1} %")
        : "training";
}
