namespace Glorot.Nn;

/// <summary>
/// Thrown when a training step produces a non-finite loss. The parameters are those before the step (the
/// update is never applied); <see cref="Layer"/> is the first dense layer whose pre-activation s or activation z holds
/// NaN or ±∞, numbered from 0 as everywhere in the engine (<see cref="Mlp"/>, <see cref="NetworkPass.FirstNonFiniteLayer"/>),
/// which the message says; or −1 when every layer is finite and only the loss overflowed.
/// </summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    /// <summary>Records where the divergence was seen.</summary>
    public TrainingDivergedException(long step, int layer, string detail)
        : base($"Training diverged at step {step}: {detail}. The parameters are those before this step; " +
               "lower the learning rate or check the initialization.")
    {
        Step = step;
        Layer = layer;
    }

    /// <summary>The 0-based step (number of updates applied before it).</summary>
    public long Step { get; }

    /// <summary>The first dense layer (0-based) with a non-finite s or z, or −1.</summary>
    public int Layer { get; }
}
