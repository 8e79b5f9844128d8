namespace Glorot.Kernels;

/// <summary>What follows the weight-gradient product of <see cref="FusedBackwardStep"/> on each block of rows.</summary>
internal enum FusedStepRule
{
    /// <summary>The product is the step: Wᵀ ← β·Wᵀ + α·Xᵀ·dS written into W itself (plain SGD, β = 1 − ελ).</summary>
    InPlace,
    /// <summary>The product writes the gradient G; then <see cref="SgdKernels.MomentumStep"/> on those rows.</summary>
    Momentum,
    /// <summary>The product writes the gradient G; then <see cref="SgdKernels.NesterovStep"/> on those rows.</summary>
    Nesterov,
}

/// <summary>
/// The SGD parameters of one <see cref="FusedBackwardStep"/>: the product target ← β·target + α·Xᵀ·dS
/// (target = Wᵀ for <see cref="FusedStepRule.InPlace"/>, else the gradient buffer <paramref name="Gradient"/>),
/// then for momentum rules the element-wise step with ε, μ, λ and the velocity buffer.
/// </summary>
internal readonly record struct FusedStepParameters(FusedStepRule Rule, float Alpha, float Beta,
    PackedMatrix? Gradient = null, PackedMatrix? Velocity = null, float LearningRate = 0f, float Momentum = 0f,
    float WeightDecay = 0f);
