namespace Glorot.Nn;

/// <summary>
/// Minibatch stochastic gradient descent, with PyTorch's torch.optim.SGD semantics (dampening 0, no Nesterov):
/// g ← ∇L (batch mean) clipped as asked, g ← g + λ·θ, v ← μ·v + g, θ ← θ − ε·v (v ≡ g when μ = 0).
/// Glorot &amp; Bengio (2010) §2.3 used plain SGD (μ = 0, λ = 0, no clipping) at minibatch 10.
/// </summary>
public sealed record SgdOptions
{
    /// <summary>ε, the learning rate (finite, &gt; 0).</summary>
    public float LearningRate { get; init; } = 0.01f;

    /// <summary>μ, momentum in [0, 1); 0 = plain SGD.</summary>
    public float Momentum { get; init; }

    /// <summary>λ, L2 weight decay added to the gradient of every parameter (weights and biases, as PyTorch).</summary>
    public float WeightDecay { get; init; }

    /// <summary>When set, the gradient of all parameters is rescaled so its global L2 norm is at most this
    /// (torch.nn.utils.clip_grad_norm_: factor c/(‖g‖ + 1e-6) when below 1).</summary>
    public float? ClipGlobalNorm { get; init; }

    /// <summary>When set, every gradient component is clamped to [−c, c] (torch.nn.utils.clip_grad_value_).</summary>
    public float? ClipValue { get; init; }

    /// <summary>
    /// True when the update can be fused into the weight-gradient GEMM (no momentum, no clipping): then no
    /// gradient array exists, W is updated in place, and <see cref="SgdTrainer.WeightGradient"/> recomputes
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
        if (!float.IsFinite(WeightDecay) || WeightDecay < 0)
            throw new ArgumentException($"Weight decay {WeightDecay} must be finite and non-negative.");
        if (ClipGlobalNorm is { } n && !(n > 0 && float.IsFinite(n)))
            throw new ArgumentException($"Gradient-norm clip {n} must be finite and positive.");
        if (ClipValue is { } v && !(v > 0 && float.IsFinite(v)))
            throw new ArgumentException($"Gradient-value clip {v} must be finite and positive.");
    }
}
