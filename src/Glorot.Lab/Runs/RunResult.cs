namespace Glorot.Lab.Runs;

/// <summary>How a run ended.</summary>
public enum RunStatus
{
    /// <summary>All planned updates were done.</summary>
    Completed,

    /// <summary>A non-finite loss stopped training; the last good checkpoint is kept.</summary>
    Diverged,

    /// <summary>Stopped on request; a checkpoint at the stopping step allows <c>--resume</c>.</summary>
    Cancelled,

    /// <summary>Stopped at <see cref="RunOptions.StopAt"/> before the planned updates; a checkpoint there allows <c>--resume</c>.</summary>
    Paused,
}

/// <summary>Where training diverged: the update that failed (1-based) and the first non-finite layer (−1: only the loss).</summary>
public sealed record DivergenceInfo(long FailedUpdate, int Layer, string Message, long LastCheckpointStep);

/// <summary>The outcome of <see cref="Runner.Run"/>.</summary>
public sealed record RunResult(string Name, RunDirectory Directory, RunStatus Status, long Steps, double Seconds,
    double? FinalTestError, double? FinalValidationError, DivergenceInfo? Divergence);
