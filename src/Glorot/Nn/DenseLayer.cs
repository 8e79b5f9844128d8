using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// Forward and backward of one dense layer s = x·Wᵀ + b, z = f(s), over plain spans (llm.c style), with the
/// weight kept as Wᵀ (in × out) in a <see cref="PackedMatrix"/> so that none of the three products repacks it:
/// forward x·Wᵀ, backward data dS·W, weight gradient (or fused SGD step) on Wᵀ += α·xᵀ·dS.
/// Glorot &amp; Bengio (2010) eqs. 2–3: ∂C/∂s = f′(s) ⊙ (∂C/∂s_next · W_next), ∂C/∂W = (∂C/∂s)ᵀ · z_prev.
/// </summary>
internal static class DenseLayer
{
    /// <summary>
    /// x: (B × in); wt: Wᵀ (in × out), packed; bias: (out); s, z: (B × out). s = x·Wᵀ + b (bias added in the
    /// GEMM's epilogue), z = f(s).
    /// </summary>
    public static void Forward(ReadOnlySpan<float> x, PackedMatrix wt, ReadOnlySpan<float> bias, Activation f,
        Span<float> s, Span<float> z, int batch)
    {
        int fanIn = wt.Rows, fanOut = wt.Cols;
        Gemm.Multiply(false, batch, 1f, x, fanIn, wt, 0f, s, fanOut, bias);
        Activations.Forward(f, s, z);
    }

    /// <summary>s, z, ds: (B × out); on entry ds holds ∂C/∂z, on exit ∂C/∂s = ∂C/∂z ⊙ f′(s) (in place).</summary>
    public static void BackwardActivation(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, Span<float> ds) =>
        Activations.Backward(f, s, z, ds, ds);

    /// <summary>ds: (B × out); wt: Wᵀ (in × out), packed; dx: (B × in). dx = ds·W, the gradient for the layer below.</summary>
    public static void BackwardData(ReadOnlySpan<float> ds, PackedMatrix wt, Span<float> dx, int batch) =>
        Gemm.MultiplyTransposed(batch, 1f, ds, wt.Cols, wt, 0f, dx, wt.Rows);

    /// <summary>
    /// ds: (B × out); x: (B × in); target: (in × out), packed; bias: (out).
    /// target ← β·target + α·xᵀ·dS and bias ← β·bias + α·Σ_rows dS. With target = Wᵀ, α = −ε/B, β = 1 − ελ this is
    /// the SGD step fused into the weight-gradient GEMM, so no dW array is ever streamed
    /// (docs/BENCHMARKS.md "Design measurements");
    /// with a gradient matrix, α = 1/B, β = 0, it writes the batch-mean gradient.
    /// </summary>
    public static void WeightGradient(ReadOnlySpan<float> ds, ReadOnlySpan<float> x, float alpha, float beta,
        PackedMatrix target, Span<float> bias, int batch)
    {
        int fanIn = target.Rows, fanOut = target.Cols;
        Gemm.MultiplyInto(target, true, false, batch, alpha, x, fanIn, ds, fanOut, beta);
        SgdKernels.ColumnSums(ds, batch, fanOut, alpha, beta, bias);
    }

    /// <summary>
    /// ds: (B × out); x: (B × in); wt: Wᵀ (in × out), packed; bias: (out); dx: (B × in), or empty for the first
    /// layer. <see cref="BackwardData"/> then the SGD step of <paramref name="step"/> in one pass over Wᵀ
    /// (<see cref="FusedBackwardStep"/>): each block of 32 input units (128 off the dot route) gives its dX
    /// columns from the weights before the update, then is updated while still in cache. Bit-identical to
    /// <see cref="BackwardData"/> followed by <see cref="WeightGradient"/> (and, with momentum, the element-wise
    /// step over the whole gradient buffer).
    /// The bias gets the same update as the unfused step: for momentum, its gradient in
    /// <paramref name="biasGradient"/> and its velocity in <paramref name="biasVelocity"/>.
    /// </summary>
    public static void BackwardDataAndStep(ReadOnlySpan<float> ds, ReadOnlySpan<float> x, PackedMatrix wt,
        Span<float> bias, Span<float> dx, int batch, in FusedStepParameters step, Span<float> biasGradient = default,
        Span<float> biasVelocity = default)
    {
        FusedBackwardStep.Run(Gemm.Path, Gemm.Threads, batch, ds, x, wt, dx, step);
        int fanOut = wt.Cols;
        switch (step.Rule)
        {
            case FusedStepRule.InPlace:
                SgdKernels.ColumnSums(ds, batch, fanOut, step.Alpha, step.Beta, bias);
                break;
            case FusedStepRule.Momentum:
                SgdKernels.ColumnSums(ds, batch, fanOut, step.Alpha, step.Beta, biasGradient);
                SgdKernels.MomentumStep(bias, biasGradient, biasVelocity, step.LearningRate, step.Momentum, step.WeightDecay);
                break;
            default:
                SgdKernels.ColumnSums(ds, batch, fanOut, step.Alpha, step.Beta, biasGradient);
                SgdKernels.NesterovStep(bias, biasGradient, biasVelocity, step.LearningRate, step.Momentum, step.WeightDecay);
                break;
        }
    }
}
