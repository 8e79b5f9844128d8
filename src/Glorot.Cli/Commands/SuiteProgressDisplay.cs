using System.Diagnostics;
using Glorot.Lab.Runs;
using Glorot.Lab.Suites;
using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>
/// Shows a suite's progress: on an interactive terminal one Spectre.Console bar per active run (what it is doing:
/// training, evaluating, probing, …, and its own ETA) under a bar for the whole suite (its stage and ETA from all runs'
/// updates, <see cref="EtaColumn"/>); otherwise one plain line each time a run starts or the stage changes, and one
/// at every 10 % of the suite's updates with the ETA (<see cref="PercentLines"/>), so logs stay readable.
/// </summary>
internal static class SuiteProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it the progress sink to report through.</summary>
    public static T Run<T>(TextWriter output, string title, Func<IProgress<SuiteProgress>, T> work)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var gate = new object();
        if (!interactive)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            var lines = new PercentLines("updates");
            return work(new SyncProgress<SuiteProgress>(p =>
            {
                lock (gate)
                {
                    if (seen.Add(p.Stage + " " + p.Run))
                        output.WriteLine($"{title}: {(p.Run.Length > 0 ? $"{p.Stage} {p.Run}" : p.Stage)} ({p.Done:N0}/{p.Total:N0} updates)");
                    if (lines.Report(p.Done, p.Total, clock.Elapsed) is { } line) output.WriteLine($"{title}: {line}");
                }
            }));
        }
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new EtaColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var suite = context.AddTask(Markup.Escape($"{title}: all runs"), maxValue: 1);
                var runs = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                return work(new SyncProgress<SuiteProgress>(p =>
                {
                    lock (gate)
                    {
                        suite.Tag ??= (double)p.Done;
                        suite.MaxValue = Math.Max(1, p.Total);
                        suite.Value = p.Done;
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
}
