using System.Diagnostics;
using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>
/// Shows a long job's progress: a Spectre.Console bar with elapsed time, what the job is doing and an ETA once
/// meaningful (<see cref="EtaColumn"/>) when writing to an interactive terminal; otherwise (redirected output, tests)
/// the first description, then a line at every 10 % (<see cref="PercentLines"/>), so logs stay readable.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Whether <paramref name="output"/> is a terminal that can draw live bars (not a log or a pipe).</summary>
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>The columns of every progress display: description, bar, percentage, elapsed, ETA, spinner.</summary>
    public static ProgressColumn[] Columns() =>
        [new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new EtaColumn(), new SpinnerColumn()];

    /// <summary>Runs <paramref name="work"/>, giving it a callback (description, done, total) to report through.</summary>
    public static T Run<T>(TextWriter output, string title, Func<Action<string, long, long>, T> work)
    {
        bool interactive = IsInteractive(output);
        if (!interactive)
        {
            var clock = Stopwatch.StartNew();
            var lines = new PercentLines("updates");
            bool started = false;
            return work((description, done, total) =>
            {
                if (!started) output.WriteLine($"{title}: {description} ({done:N0}/{total:N0} updates)");
                started = true;
                if (lines.Report(done, total, clock.Elapsed) is { } line) output.WriteLine($"{title}: {line}");
            });
        }
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(Columns())
            .Start(context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                return work((description, done, total) =>
                {
                    task.Tag ??= (double)done;
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape($"{title}: {description}");
                });
            });
    }
}
