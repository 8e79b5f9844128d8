using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// Forward and backward of one dense layer s = x·Wᵀ + b, z = f(s), over plain spans (llm.c style). W is
/// (out × in) row-major (PyTorch's nn.Linear), so the three products are: forward x·Wᵀ, backward data dS·W,
/// weight gradient dSᵀ·x. Glorot &amp; Bengio (2010) eqs. 2–3: ∂C/∂s = f′(s) ⊙ (∂C/∂s_next · W_next),
/// ∂C/∂W = (∂C/∂s)ᵀ · z_prev.
/// </summary>
internal static class DenseLayer
{
    /// <summary>
    /// x: (B × in); w: (out × in); bias: (out); s, z: (B × out). s = x·Wᵀ + b, z = f(s).
    /// </summary>
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Activation f,
        Span<float> s, Span<float> z, int batch, int fanIn, int fanOut)
    {
        Gemm.Multiply(false, true, batch, fanOut, fanIn, 1f, x, fanIn, w, fanIn, 0f, s, fanOut);
        Activations.BiasForward(f, s, bias, z, batch, fanOut);
    }

    /// <summary>
    /// s, z, ds: (B × out); on entry ds holds ∂C/∂z, on exit ∂C/∂s = ∂C/∂z ⊙ f′(s) (in place).
    /// </summary>
    public static void BackwardActivation(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, Span<float> ds) =>
        Activations.Backward(f, s, z, ds, ds);

    /// <summary>ds: (B × out); w: (out × in); dx: (B × in). dx = ds·W (the data gradient for the layer below).</summary>
    public static void BackwardData(ReadOnlySpan<float> ds, ReadOnlySpan<float> w, Span<float> dx, int batch, int fanIn, int fanOut) =>
        Gemm.Multiply(false, false, batch, fanIn, fanOut, 1f, ds, fanOut, w, fanIn, 0f, dx, fanIn);

    /// <summary>
    /// ds: (B × out); x: (B × in); w: (out × in); bias: (out). W ← β·W + α·dSᵀ·x and b ← β·b + α·Σ_rows dS:
    /// with α = 1/B, β = 0 this writes the batch-mean gradient; with α = −lr/B, β = 1 − lr·λ it is the SGD step
    /// (with weight decay λ) fused into the weight-gradient GEMM, so no dW array is ever streamed.
    /// </summary>
    public static void WeightGradient(ReadOnlySpan<float> ds, ReadOnlySpan<float> x, float alpha, float beta,
        Span<float> w, Span<float> bias, int batch, int fanIn, int fanOut)
    {
        Gemm.Multiply(true, false, fanOut, fanIn, batch, alpha, ds, fanOut, x, fanIn, beta, w, fanIn);
        SgdKernels.ColumnSums(ds, batch, fanOut, alpha, beta, bias);
    }
}
