using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>
/// Shows a long job's progress: a Spectre.Console bar with elapsed time and ETA when writing to an interactive
/// terminal; otherwise (redirected output, tests) one plain line per stage, so logs stay readable.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback (description, done, total) to report through.</summary>
    public static T Run<T>(TextWriter output, string title, Func<Action<string, long, long>, T> work)
    {
        bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            string last = "";
            return work((description, done, total) =>
            {
                if (description == last) return;
                last = description;
                output.WriteLine($"{title}: {description} ({done:N0}/{total:N0} updates)");
            });
        }
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(title, maxValue: 1);
                return work((description, done, total) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape($"{title}: {description}");
                });
            });
    }
}
