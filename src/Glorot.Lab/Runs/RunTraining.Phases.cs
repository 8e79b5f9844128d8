namespace Glorot.Lab.Runs;

/// <summary>The phases of <see cref="RunTraining"/>: each reported to the progress sink as it starts and ends, and timed.</summary>
internal sealed partial class RunTraining
{
    // Reports the phase, times it, and reports training again when the returned scope is disposed.
    private PhaseScope Phase(RunPhase phase, long step)
    {
        ReportPhase(step, phase);
        return new PhaseScope(this, step, _timings.Measure(phase));
    }

    private void ReportPhase(long step, RunPhase phase) =>
        options.Progress?.Report(new RunProgress(spec.Name, step, spec.Updates, _testError) { Phase = phase });

    private readonly struct PhaseScope(RunTraining run, long step, RunTimings.Scope timing) : IDisposable
    {
        public void Dispose()
        {
            timing.Dispose();
            run.ReportPhase(step, RunPhase.Training);
        }
    }
}
