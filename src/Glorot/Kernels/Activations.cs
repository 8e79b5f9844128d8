namespace Glorot.Kernels;

/// <summary>
/// The element-wise activation kernels for any <see cref="Activation"/>: the kernel table
/// (<see cref="ActivationKernels"/>) names its operator struct by the activation's kind, then the generic
/// <see cref="ActivationDriver"/> runs. The rest of the code calls these and never sees an intrinsic.
/// </summary>
internal static class Activations
{
    /// <summary>y = f(x). x, y: (n); y may be x.</summary>
    public static void Forward(Activation f, ReadOnlySpan<float> x, Span<float> y) =>
        ActivationKernels.Of(f.Kind).Forward(f, x, y);

    /// <summary>ds = dz ⊙ f′(s), z = f(s). All (n); ds may be dz.</summary>
    public static void Backward(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, ReadOnlySpan<float> dz, Span<float> ds) =>
        ActivationKernels.Of(f.Kind).Backward(f, s, z, dz, ds);
}
