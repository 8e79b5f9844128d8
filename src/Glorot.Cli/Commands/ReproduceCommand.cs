using System.CommandLine;
using Glorot.Lab.Suites;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot reproduce glorot2010 [--profile quick|full] [--out DIR] [--resume] [--seed S]</c>: trains the paper's
/// networks, draws its figures and Table 1, and writes one self-contained HTML report.
/// </summary>
internal static class ReproduceCommand
{
    public static Command Create()
    {
        var suite = new Argument<string>("suite") { Description = $"the experiments to reproduce: {Glorot2010Suite.Name} (Glorot & Bengio 2010)" };
        var profile = new Option<string>("--profile")
        {
            Description = "quick: the paper's networks for a few thousand updates each, about 4–6 minutes on 2 cores, a " +
                          "reduced-scale reproduction; full: the paper's protocol (2.5 M updates per network, hours each; " +
                          "checkpoints every 20k updates, continue with --resume)",
            DefaultValueFactory = _ => "quick",
        };
        var output = new Option<string?>("--out") { Description = "output directory (default: glorot2010-PROFILE)" };
        var resume = new Option<bool>("--resume") { Description = "continue the runs in --out from their latest checkpoints (bit-identical to an uninterrupted run)" };
        var force = new Option<bool>("--force") { Description = "start over runs already in --out (deletes their results)" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the initial weights and of the training stream", DefaultValueFactory = _ => 1 };
        var command = new Command("reproduce",
            "Reproduce a paper's experiments: train its networks, draw its figures (PNG, SVG and CSV) and Table 1, and write " +
            "one self-contained HTML report with the paper's values beside the measured ones. No download needed.")
        {
            suite, profile, output, resume, force, seed, ThreadsOption.Create(),
        };
        command.SetAction(result =>
        {
            ThreadsOption.Apply(result);
            string name = result.GetValue(suite) ?? "";
            if (!string.Equals(name, Glorot2010Suite.Name, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"Unknown suite '{name}'; the one suite is {Glorot2010Suite.Name}.");
            var chosen = ParseProfile(result.GetValue(profile) ?? "quick");
            string dir = result.GetValue(output) ?? $"glorot2010-{chosen.ToString().ToLowerInvariant()}";
            var o = result.InvocationConfiguration.Output;
            o.WriteLine(Estimate(chosen));
            using var stop = StopSignals.Listen();
            try
            {
                var outcome = ProgressDisplay.Run(o, "glorot2010", report => SuiteRunner.Run(chosen, dir, result.GetValue(seed), result.GetValue(resume),
                    new Forward(p => report(p.Stage == "training" ? $"training {p.Run}" : p.Stage, p.Done, p.Total)), stop.Token, result.GetValue(force)));
                foreach (var run in outcome.Runs.Where(r => r.Divergence is not null))
                    o.WriteLine($"run {run.Name} diverged at update {run.Divergence!.FailedUpdate} (layer {run.Divergence.Layer ?? "none"}); last good checkpoint at {run.Divergence.LastCheckpointStep?.ToString() ?? "none"}.");
                o.WriteLine($"done in {outcome.Seconds / 60:F1} min; report: {Path.GetFullPath(outcome.Report)}");
                return 0;
            }
            catch (OperationCanceledException ex)
            {
                result.InvocationConfiguration.Error.WriteLine($"glorot: {ex.Message} (glorot reproduce glorot2010 --profile {chosen.ToString().ToLowerInvariant()} --out {dir} --resume)");
                return stop.ExitCode;
            }
        });
        return command;
    }

    // "tiny" is for tests (seconds, not a reproduction) and deliberately not advertised in --help.
    private static SuiteProfile ParseProfile(string text) => text.ToLowerInvariant() switch
    {
        "quick" => SuiteProfile.Quick,
        "full" => SuiteProfile.Full,
        "tiny" => SuiteProfile.Tiny,
        _ => throw new ArgumentException($"Unknown profile '{text}'; use quick or full."),
    };

    private static string Estimate(SuiteProfile profile) => profile switch
    {
        SuiteProfile.Quick => "glorot2010, quick profile: 5 networks of 1000 units × 5,000 updates; expect about 4–6 minutes on 2 cores (docs/BENCHMARKS.md).",
        SuiteProfile.Full => "glorot2010, full profile: 6 networks × 2.5 M updates (2.8 M for sigmoid); expect roughly 2–10 hours per network on 2 cores (60–300 updates/s with evaluation and probes, docs/BENCHMARKS.md). Ctrl+C stops at a checkpoint; --resume continues.",
        _ => "glorot2010, tiny profile (tests only: not a reproduction).",
    };

    private sealed class Forward(Action<SuiteProgress> report) : IProgress<SuiteProgress>
    {
        public void Report(SuiteProgress value) => report(value);
    }
}
