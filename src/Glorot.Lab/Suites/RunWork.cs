using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// A run's predicted seconds of work up to a given update (<see cref="SpeedCheck.Work"/>): its updates, and the
/// evaluations, probes and Jacobians due on the way, each at its own measured cost. A suite's progress counts these
/// seconds rather than updates, because the events do not fall evenly: a tanh run's Jacobians at update 0 cost more than
/// its 5,000 quick-profile updates, and a sigmoid run has none.
/// </summary>
/// <param name="Setup">Reading the evaluation and probe sets, before update 0.</param>
/// <param name="Update">One update: rendering its minibatch and the SGD step.</param>
/// <param name="Evaluation">One evaluation of the validation and test sets.</param>
/// <param name="EvaluateEvery">Updates between evaluations (<see cref="RunSpec.EvaluateEvery"/>).</param>
/// <param name="Probe">One probe (its forward and backward passes, summaries and per-example weight gradients).</param>
/// <param name="ProbeEvery">Updates between probes (<see cref="RunSpec.ProbeEvery"/>).</param>
/// <param name="Jacobians">The layer Jacobians' spectra, measured with the probe at update 0 only.</param>
/// <param name="Updates">The spec's planned updates: an evaluation and a probe also fall on the last one.</param>
internal sealed record RunWork(double Setup, double Update, double Evaluation, long EvaluateEvery, double Probe, long ProbeEvery, double Jacobians, long Updates)
{
    /// <summary>Seconds of everything up to <paramref name="step"/>, the evaluation and probes due at it included.</summary>
    public double Through(long step) =>
        Setup + Jacobians + step * Update + Count(step, EvaluateEvery) * Evaluation + Count(step, ProbeEvery) * Probe;

    /// <summary>
    /// Seconds of the event <paramref name="phase"/> names that falls on <paramref name="step"/> (0 when none does):
    /// <see cref="RunPhase.Evaluating"/>, <see cref="RunPhase.Probing"/>, or <see cref="RunPhase.Jacobians"/> (the
    /// probe at update 0 that also measures the Jacobians); any other phase is not counted.
    /// </summary>
    public double At(long step, RunPhase phase) => phase switch
    {
        RunPhase.Evaluating => Falls(step, EvaluateEvery) ? Evaluation : 0,
        RunPhase.Probing => Falls(step, ProbeEvery) ? Probe : 0,
        RunPhase.Jacobians => step == 0 ? Probe + Jacobians : 0,
        _ => 0,
    };

    /// <summary>Seconds of all events on <paramref name="step"/>.</summary>
    public double AllAt(long step) => At(step, RunPhase.Evaluating) + At(step, step == 0 && Jacobians > 0 ? RunPhase.Jacobians : RunPhase.Probing);

    // Events at 0, every `every` updates, and at the last update (RunTraining.Observe).
    private bool Falls(long step, long every) => step % every == 0 || step == Updates;

    private long Count(long step, long every) => step / every + 1 + (step == Updates && Updates % every != 0 ? 1 : 0);
}
