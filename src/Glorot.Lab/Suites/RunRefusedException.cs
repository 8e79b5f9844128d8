namespace Glorot.Lab.Suites;

/// <summary>
/// A run of a suite that <see cref="Runs.Runner.Prepare"/> refused once the suite was under way: what only the run's
/// own preparation checks (its memory, its data, a checkpoint that no longer matches the spec) was the user's request,
/// not a failure of the work, even though the suite had started. The message names the run.
/// </summary>
public sealed class RunRefusedException : Exception
{
    /// <summary>The refusal of run <paramref name="run"/> (the inner exception is the runner's own).</summary>
    public RunRefusedException(string run, ArgumentException refusal)
        : base($"{run}: {refusal?.Message}", refusal)
    {
        Run = run;
    }

    /// <summary>The name of the run that was refused.</summary>
    public string Run { get; }
}
