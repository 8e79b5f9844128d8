using System.Diagnostics;
using System.Text.Json;
using Glorot.Lab.Figures;
using Glorot.Lab.Report;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>Progress of a whole suite: updates done over all runs.</summary>
/// <param name="Run">The run now training.</param>
/// <param name="Done">Updates done in all runs so far.</param>
/// <param name="Total">Updates planned in all runs.</param>
/// <param name="Stage">"training", "figures" or "report".</param>
public sealed record SuiteProgress(string Run, long Done, long Total, string Stage);

/// <summary>What <see cref="SuiteRunner.Run"/> produced.</summary>
/// <param name="Report">The HTML report.</param>
/// <param name="Runs">Each run's outcome.</param>
/// <param name="Seconds">Wall time of the whole suite (this invocation).</param>
public sealed record SuiteResult(string Report, IReadOnlyList<RunResult> Runs, double Seconds);

/// <summary>
/// Reproduces the paper: trains every run of <see cref="Glorot2010Suite"/> into <c>OUT/runs/NAME</c>, then draws
/// every figure into <c>OUT/figures</c> (PNG, SVG, CSV) and writes <c>OUT/report.html</c> and <c>OUT/suite.json</c>.
/// </summary>
public static class SuiteRunner
{
    /// <summary>Runs the suite in <paramref name="profile"/> into <paramref name="outDirectory"/>.</summary>
    public static SuiteResult Run(SuiteProfile profile, string outDirectory, ulong seed = 1, bool resume = false,
        IProgress<SuiteProgress>? progress = null, CancellationToken cancellation = default, bool force = false)
    {
        var clock = Stopwatch.StartNew();
        var runs = Glorot2010Suite.Runs(profile, seed);
        Directory.CreateDirectory(outDirectory);
        long total = runs.Sum(r => r.Spec.Updates), before = 0;
        var results = new List<RunResult>();
        foreach (var run in runs)
        {
            long offset = before;
            var runProgress = progress is null ? null : new Forward<RunProgress>(p =>
                progress.Report(new SuiteProgress(p.Run, offset + p.Step, total, "training")));
            string runDirectory = Path.Combine(outDirectory, "runs", run.Spec.Name);
            // --resume continues the runs that were started; the rest start now.
            var result = Runner.Run(run.Spec, runDirectory, new RunOptions
            {
                Resume = resume && File.Exists(new RunDirectory(runDirectory).Spec), Force = force, Progress = runProgress, Cancellation = cancellation,
            });
            results.Add(result);
            if (result.Status == RunStatus.Cancelled) throw new OperationCanceledException(
                $"Stopped during run '{run.Spec.Name}'; continue with --resume.", cancellation);
            before += run.Spec.Updates;
        }

        progress?.Report(new SuiteProgress("", total, total, "figures"));
        var figures = FigureSet.DrawAll(runs, outDirectory);
        progress?.Report(new SuiteProgress("", total, total, "report"));
        var machine = MachineInfo.Describe();
        File.WriteAllText(Path.Combine(outDirectory, "suite.json"), JsonSerializer.Serialize(new
        {
            suite = Glorot2010Suite.Name,
            profile = profile.ToString().ToLowerInvariant(),
            seed,
            seconds = clock.Elapsed.TotalSeconds,
            machine,
            runs = results.Select(r => new { name = r.Name, status = r.Status.ToString().ToLowerInvariant(), steps = r.Steps, seconds = r.Seconds }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        string report = HtmlReport.Write(outDirectory, profile, runs, results, figures, machine, clock.Elapsed.TotalSeconds);
        return new SuiteResult(report, results, clock.Elapsed.TotalSeconds);
    }

    private sealed class Forward<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
