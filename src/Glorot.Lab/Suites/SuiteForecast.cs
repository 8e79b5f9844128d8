namespace Glorot.Lab.Suites;

/// <summary>
/// How long a prepared suite's training will take on this machine: a second's speed check of its first run
/// (<see cref="SpeedCheck"/>), the predicted seconds of all its tasks with its jobs, and the work each run's progress
/// stands for (<see cref="SuiteWork"/>), which weighs the progress and its ETA.
/// </summary>
/// <param name="Check">The speed check (its rates, the machine's load).</param>
/// <param name="Seconds">Predicted training time of this invocation's tasks; figures and report not counted.</param>
/// <param name="Work">The tasks' work in predicted seconds, for the progress display.</param>
internal sealed record SuiteForecast(SpeedCheck Check, double Seconds, SuiteWork Work)
{
    /// <summary>Measures this machine and predicts <paramref name="suite"/>'s training; null when it trains nothing.</summary>
    public static SuiteForecast? Of(PreparedSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var tasks = suite.Tasks;
        if (tasks.Count == 0) return null;
        var check = SpeedCheck.Measure(tasks[0].Spec, suite.Options.ThreadsPerRun);
        return new SuiteForecast(check, check.Predict(tasks, suite.Options.JobCount), new SuiteWork(tasks, suite.Plan.SelectionUpdates, check.Work));
    }
}
