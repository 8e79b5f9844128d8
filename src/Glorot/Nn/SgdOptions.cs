namespace Glorot.Nn;

/// <summary>
/// Minibatch stochastic gradient descent, with PyTorch's torch.optim.SGD semantics (dampening 0):
/// g ← ∇L (batch mean) clipped as asked, g ← g + λ·θ, v ← μ·v + g, θ ← θ − ε_t·v (v ≡ g when μ = 0); with
/// Nesterov, θ ← θ − ε_t·(g + μ·v) after the same v (torch/optim/sgd.py, _single_tensor_sgd). ε_t comes from
/// <see cref="Schedule"/>.
/// Glorot &amp; Bengio (2010) §2.3 used plain SGD (μ = 0, λ = 0, no clipping) at minibatch 10.
/// </summary>
public sealed record SgdOptions
{
    /// <summary>ε, the learning rate (finite, &gt; 0).</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>μ, momentum in [0, 1); 0 = plain SGD.</summary>
    public float Momentum { get; init; }

    /// <summary>Nesterov momentum (torch.optim.SGD(nesterov=True)): the step is g + μ·v instead of v; needs μ &gt; 0.</summary>
    public bool Nesterov { get; init; }

    /// <summary>The learning rate of each update as a function of its number (<see cref="LearningRateSchedule"/>);
    /// constant by default.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>ε_t, the rate of update <paramref name="update"/> (0-based): <see cref="Schedule"/> at the base rate, in float.</summary>
    public float LearningRateAt(long update) => (float)Schedule.At(update, LearningRate);

    /// <summary>λ, L2 weight decay added to the gradient of every parameter (weights and biases, as PyTorch).</summary>
    public float WeightDecay { get; init; }

    /// <summary>When set, the gradient of all parameters is rescaled so its global L2 norm is at most this
    /// (torch.nn.utils.clip_grad_norm_: factor c/(‖g‖ + 1e-6) when below 1).</summary>
    public float? ClipGlobalNorm { get; init; }

    /// <summary>When set, every gradient component is clamped to [−c, c] (torch.nn.utils.clip_grad_value_).</summary>
    public float? ClipValue { get; init; }

    /// <summary>
    /// True when the update can be fused into the weight-gradient GEMM (no momentum, no clipping): then no
    /// gradient array exists, W is updated in place, and <see cref="NetworkPass.WeightGradient"/> recomputes
    /// dL/dW on demand.
    /// </summary>
    public bool CanFuseUpdate => Momentum == 0f && ClipGlobalNorm is null && ClipValue is null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!float.IsFinite(LearningRate) || LearningRate <= 0)
            throw new ArgumentException($"Learning rate {LearningRate} must be finite and positive.");
        if (!(Momentum >= 0 && Momentum < 1))
            throw new ArgumentException($"Momentum {Momentum} must be in [0, 1).");
        if (Nesterov && Momentum == 0)
            throw new ArgumentException("Nesterov momentum needs a momentum above 0 (as torch.optim.SGD).");
        ArgumentNullException.ThrowIfNull(Schedule);
        Schedule.Validate(LearningRate);
        if (!float.IsFinite(WeightDecay) || WeightDecay < 0)
            throw new ArgumentException($"Weight decay {WeightDecay} must be finite and non-negative.");
        if (ClipGlobalNorm is { } n && !(n > 0 && float.IsFinite(n)))
            throw new ArgumentException($"Gradient-norm clip {n} must be finite and positive.");
        if (ClipValue is { } v && !(v > 0 && float.IsFinite(v)))
            throw new ArgumentException($"Gradient-value clip {v} must be finite and positive.");
    }
}
