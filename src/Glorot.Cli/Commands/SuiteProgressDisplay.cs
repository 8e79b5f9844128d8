using System.Diagnostics;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>
/// Shows a suite's progress: on an interactive terminal one Spectre.Console bar per active run (what it is doing:
/// training, evaluating, probing, …, and its own ETA) under a bar for the whole suite (its stage and ETA from all runs'
/// work, <see cref="EtaColumn"/>); otherwise one plain line each time a run starts or the stage changes, and one
/// at every 10 % of the suite's work with the ETA (<see cref="PercentLines"/>), so logs stay readable. The suite's work
/// is its predicted seconds (<see cref="SuiteWork"/>) when a speed check gave them, otherwise its updates.
/// </summary>
internal static class SuiteProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it the progress sink to report through; <paramref name="cost"/>: the suite's predicted work, if known.</summary>
    public static T Run<T>(TextWriter output, string title, Func<IProgress<SuiteProgress>, T> work, SuiteWork? cost = null)
    {
        bool interactive = ProgressDisplay.IsInteractive(output);
        var gate = new object();
        if (!interactive)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            var lines = new PercentLines(cost is null ? "updates" : "s of predicted work");
            return work(new SyncProgress<SuiteProgress>(p =>
            {
                lock (gate)
                {
                    if (seen.Add(p.Stage + " " + p.Run))
                        output.WriteLine($"{title}: {(p.Run.Length > 0 ? $"{p.Stage} {p.Run}" : p.Stage)} ({p.Done:N0}/{p.Total:N0} updates)");
                    var (done, total) = Measure(p, cost);
                    if (lines.Report(done, total, clock.Elapsed) is { } line) output.WriteLine($"{title}: {line}");
                }
            }));
        }
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(ProgressDisplay.Columns())
            .Start(context =>
            {
                var suite = context.AddTask(Markup.Escape($"{title}: all runs"), maxValue: 1);
                var runs = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                return work(new SyncProgress<SuiteProgress>(p =>
                {
                    lock (gate)
                    {
                        var (done, total) = Measure(p, cost);
                        suite.Tag ??= done;
                        suite.MaxValue = Math.Max(1e-9, total);
                        suite.Value = done;
                        if (p.Run.Length == 0)
                        {
                            suite.Description = Markup.Escape($"{title}: {p.Stage}");
                            return;
                        }
                        string key = p.Stage + " " + p.Run;
                        string description = Markup.Escape($"  {p.Stage} {p.Run}{(p.Phase == RunPhase.Training ? "" : $": {RunTimings.Name(p.Phase)}")}");
                        if (!runs.TryGetValue(key, out var task))
                            runs[key] = task = context.AddTask(description, maxValue: Math.Max(1, p.RunEnd));
                        task.Tag ??= (double)p.RunStep;
                        task.Description = description;
                        task.Value = p.RunStep;
                        if (p.RunStep >= p.RunEnd) task.StopTask();
                    }
                }));
            });
    }

    // The suite's work done and planned: predicted seconds when known (all of it once every update is done, so that
    // rounding in the sum does not hold the last 10 % line back), otherwise updates.
    private static (double Done, double Total) Measure(SuiteProgress progress, SuiteWork? cost)
    {
        if (cost is null) return (progress.Done, progress.Total);
        cost.Report(progress);
        return (progress.Done >= progress.Total ? cost.Total : Math.Min(cost.Done, cost.Total), cost.Total);
    }
}
