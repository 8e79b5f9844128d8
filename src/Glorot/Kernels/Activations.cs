namespace Glorot.Kernels;

/// <summary>
/// The element-wise activation kernels for any <see cref="Activation"/>: the activation's registry entry
/// (<see cref="ActivationRegistry"/>) names its operator struct, then the generic <see cref="ActivationDriver"/>
/// runs. The rest of the code calls these and never sees an intrinsic.
/// </summary>
internal static class Activations
{
    /// <summary>y = f(x). x, y: (n); y may be x.</summary>
    public static void Forward(Activation f, ReadOnlySpan<float> x, Span<float> y) =>
        ActivationRegistry.Get(f.Kind).Kernel.Forward(f, x, y);

    /// <summary>ds = dz ⊙ f′(s), z = f(s). All (n); ds may be dz.</summary>
    public static void Backward(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, ReadOnlySpan<float> dz, Span<float> ds) =>
        ActivationRegistry.Get(f.Kind).Kernel.Backward(f, s, z, dz, ds);
}
