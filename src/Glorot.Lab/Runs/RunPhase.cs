namespace Glorot.Lab.Runs;

/// <summary>
/// What a run is doing: the phase its progress reports name (so a display never shows a bar frozen by a long
/// evaluation or Jacobian probe) and the row of <c>timings.csv</c> its wall time goes to (<see cref="RunTimings"/>).
/// </summary>
public enum RunPhase
{
    /// <summary>SGD updates (forward, backward and the weight update), data excluded.</summary>
    Training,

    /// <summary>Rendering (or reading) the training minibatches.</summary>
    Data,

    /// <summary>The validation and test error.</summary>
    Evaluating,

    /// <summary>Per-layer probes of activations and gradients.</summary>
    Probing,

    /// <summary>The probe at update 0 that also measures the layer Jacobians' singular values (its probe statistics included: the Jacobians dominate it).</summary>
    Jacobians,

    /// <summary>Writing a checkpoint (weights, optimizer state, run state).</summary>
    Checkpoint,
}
