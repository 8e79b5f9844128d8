namespace Glorot.Kernels;

/// <summary>
/// The slow, obviously-right activation kernels that <see cref="Activations"/> is tested against: each element
/// through the double-precision definitions of <see cref="Activation"/>, rounded once to float.
/// </summary>
internal static class ActivationReference
{
    /// <summary>y = f(x). x, y: (n).</summary>
    public static void Forward(Activation f, ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++) y[i] = (float)f.Forward(x[i]);
    }

    /// <summary>ds = dz ⊙ f′(s). s, dz, ds: (n).</summary>
    public static void Backward(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> dz, Span<float> ds)
    {
        for (int i = 0; i < s.Length; i++) ds[i] = (float)(dz[i] * f.Derivative(s[i]));
    }
}
