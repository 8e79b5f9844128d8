namespace Glorot.Lab.Runs;

/// <summary>Where a run stands, reported through <see cref="IProgress{T}"/> while it trains.</summary>
/// <param name="Run">The run's name.</param>
/// <param name="Step">Updates done.</param>
/// <param name="Updates">Updates planned.</param>
/// <param name="TestError">The latest test error (fraction), if evaluated.</param>
public sealed record RunProgress(string Run, long Step, long Updates, double? TestError)
{
    /// <summary>What the run is doing now: reported when an evaluation, probe or checkpoint starts, and
    /// <see cref="RunPhase.Training"/> again when it ends.</summary>
    public RunPhase Phase { get; init; }
}
