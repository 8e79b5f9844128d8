using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// A suite invocation that <see cref="SuiteRunner.Prepare"/> has checked: its options, its plan, and the runs it trains
/// in each stage. <see cref="Run"/> does the work. What it can still throw that is the user's: a run its own preparation
/// refuses (<see cref="RunRefusedException"/>: memory, data), a file system that refuses (<see cref="IOException"/>) and
/// a selection candidate missing from OUT (<see cref="InvalidDataException"/>, found once the selection stage is done);
/// anything else is a failure of the work itself.
/// </summary>
public sealed class PreparedSuite
{
    internal PreparedSuite(SuiteOptions options, SuitePlan plan, string outDirectory)
    {
        (Options, Plan, OutDirectory) = (options, plan, outDirectory);
        Selection = options.Stage == SuiteStage.Final ? [] : plan.Tasks(SuiteStage.Selection);
        Final = options.Stage == SuiteStage.Selection ? [] : plan.Tasks(SuiteStage.Final);
    }

    /// <summary>The options, checked.</summary>
    public SuiteOptions Options { get; }

    /// <summary>The suite's plan under <see cref="Options"/>.</summary>
    public SuitePlan Plan { get; }

    /// <summary>Where the suite writes (<c>OUT/runs/NAME</c>, the figures, the report).</summary>
    public string OutDirectory { get; }

    /// <summary>This invocation's selection tasks (none with --stage final).</summary>
    public IReadOnlyList<SuiteTask> Selection { get; }

    /// <summary>This invocation's final tasks (none with --stage selection).</summary>
    public IReadOnlyList<SuiteTask> Final { get; }

    /// <summary>The selection tasks, then the final ones: every task this invocation trains, in the order of its stages.</summary>
    public IReadOnlyList<SuiteTask> Tasks => [.. Selection, .. Final];

    /// <summary>
    /// Trains the tasks (up to <see cref="SuiteOptions.Jobs"/> at once), then writes the report when the invocation is
    /// the whole suite; reports to <paramref name="progress"/>, stops at a checkpoint on <paramref name="cancellation"/>,
    /// and passes each run's one-line notes to <paramref name="notice"/>.
    /// </summary>
    public SuiteResult Run(IProgress<SuiteProgress>? progress = null, CancellationToken cancellation = default, Action<string>? notice = null) =>
        SuiteRunner.Execute(this, progress, cancellation, notice);

    internal RunDirectory RunDirectory(string name) => new(Path.Combine(OutDirectory, "runs", name));
}
