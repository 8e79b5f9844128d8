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
/// <param name="Stage">"selection", "training", "figures" or "report".</param>
public sealed record SuiteProgress(string Run, long Done, long Total, string Stage);

/// <summary>What <see cref="SuiteRunner.Run(SuiteOptions, string, IProgress{SuiteProgress}?, CancellationToken)"/> produced.</summary>
/// <param name="Report">The HTML report.</param>
/// <param name="Runs">Each run's outcome (learning-rate candidates included).</param>
/// <param name="Seconds">Wall time of the whole suite (this invocation).</param>
public sealed record SuiteResult(string Report, IReadOnlyList<RunResult> Runs, double Seconds);

/// <summary>
/// Reproduces the paper: trains every run of the <see cref="SuitePlan"/> into <c>OUT/runs/NAME</c> — first every
/// learning-rate candidate up to the selection budget (paused there with a checkpoint), then each network's winner
/// (or its only run) to the end — then draws every figure into <c>OUT/figures</c> (PNG, SVG, CSV) and writes
/// <c>OUT/report.html</c>, <c>OUT/suite.json</c> and, when rates were chosen, <c>OUT/selection.json</c>.
/// </summary>
public static class SuiteRunner
{
    /// <summary>Runs the suite in <paramref name="profile"/> into <paramref name="outDirectory"/>.</summary>
    public static SuiteResult Run(SuiteProfile profile, string outDirectory, ulong seed = 1, bool resume = false,
        IProgress<SuiteProgress>? progress = null, CancellationToken cancellation = default) =>
        Run(new SuiteOptions { Profile = profile, Seed = seed, Resume = resume }, outDirectory, progress, cancellation);

    /// <summary>Runs the suite as <paramref name="options"/> say into <paramref name="outDirectory"/>.</summary>
    public static SuiteResult Run(SuiteOptions options, string outDirectory, IProgress<SuiteProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var plan = SuitePlan.Of(options);
        string runsDirectory = Path.Combine(outDirectory, "runs");
        Directory.CreateDirectory(outDirectory);
        long budget = plan.SelectionUpdates;
        long total = plan.Instances.Sum(i => i.Selects ? i.Candidates.Count * budget + i.Candidates[0].Updates - budget : i.Candidates[0].Updates);
        long before = 0;
        var results = new List<RunResult>();

        // `counted`: updates of this run already counted in `before` (a winner resumes from the budget).
        RunResult Train(RunSpec spec, string stage, bool resume, long? stopAt, long counted = 0)
        {
            long offset = before;
            var runProgress = progress is null ? null : new Forward<RunProgress>(p =>
                progress.Report(new SuiteProgress(p.Run, offset + Math.Max(0, p.Step - counted), total, stage)));
            var result = Runner.Run(spec, Path.Combine(runsDirectory, spec.Name),
                new RunOptions { Resume = resume, StopAt = stopAt, Progress = runProgress, Cancellation = cancellation });
            if (result.Status == RunStatus.Cancelled) throw new OperationCanceledException(
                $"Stopped during run '{spec.Name}'; continue with --resume.", cancellation);
            return result;
        }

        // Stage 1: every candidate up to the budget.
        foreach (var instance in plan.Instances.Where(i => i.Selects))
            foreach (var candidate in instance.Candidates)
            {
                results.Add(Train(candidate, "selection", options.Resume, budget));
                before += budget;
            }

        // Stage 2: the choice, then each network's run to the end.
        var choices = new List<SelectionChoice>();
        var chosen = new Dictionary<string, RunDirectory>(StringComparer.Ordinal);
        foreach (var instance in plan.Instances)
        {
            var spec = instance.Candidates[0];
            if (instance.Selects)
            {
                var choice = LearningRateSelection.Choose(instance, budget, name => new RunDirectory(Path.Combine(runsDirectory, name)));
                choices.Add(choice);
                if (choice.Chosen is null)
                {
                    // Every candidate diverged: the network has no run (the report says so); missing ones cannot happen here.
                    before += spec.Updates - budget;
                    continue;
                }
                spec = instance.Candidates.Single(c => c.Name == choice.Chosen.Run);
                results.RemoveAll(r => r.Name == spec.Name);
                results.Add(Train(spec, "training", resume: true, stopAt: null, counted: budget));
                before += spec.Updates - budget;
            }
            else
            {
                results.Add(Train(spec, "training", options.Resume, null));
                before += spec.Updates;
            }
            chosen[instance.Name] = new RunDirectory(Path.Combine(runsDirectory, spec.Name));
        }
        if (choices.Count > 0) LearningRateSelection.Write(choices, outDirectory);
        var layout = new SuiteLayout(plan.Networks, plan.Seeds, chosen, choices);

        progress?.Report(new SuiteProgress("", total, total, "figures"));
        var figures = FigureSet.DrawAll(layout, outDirectory);
        progress?.Report(new SuiteProgress("", total, total, "report"));
        var machine = MachineInfo.Describe();
        File.WriteAllText(Path.Combine(outDirectory, "suite.json"), JsonSerializer.Serialize(new
        {
            suite = Glorot2010Suite.Name,
            profile = options.ProfileName,
            seed = options.Seed,
            seeds = options.Seeds,
            width = plan.Networks[0].Spec.Hidden[0],
            selection_updates = plan.Instances.Any(i => i.Selects) ? budget : 0,
            seconds = clock.Elapsed.TotalSeconds,
            machine,
            runs = results.Select(r => new { name = r.Name, status = r.Status.ToString().ToLowerInvariant(), steps = r.Steps, seconds = r.Seconds }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        string report = HtmlReport.Write(outDirectory, options, layout, results, figures, machine, clock.Elapsed.TotalSeconds);
        return new SuiteResult(report, results, clock.Elapsed.TotalSeconds);
    }

    private sealed class Forward<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
