namespace Glorot.Kernels;

/// <summary>
/// An activation's vectorized kernels, as <see cref="ActivationKernels"/> holds them by kind: one virtual call per
/// span picks the operator struct, and <see cref="ActivationDriver"/> then runs a loop specialized for that struct
/// (the hot loop stays monomorphic; nothing is dispatched per element).
/// </summary>
internal abstract class ActivationKernel
{
    /// <summary>y = f(x). x, y: (n); y may be x.</summary>
    public abstract void Forward(Activation f, ReadOnlySpan<float> x, Span<float> y);

    /// <summary>ds = dz ⊙ f′(s), z = f(s). All (n); ds may be dz.</summary>
    public abstract void Backward(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, ReadOnlySpan<float> dz, Span<float> ds);

    /// <summary>The kernel of the operator that <paramref name="create"/> makes from an activation (its parameter).</summary>
    public static ActivationKernel Of<TOperator>(Func<Activation, TOperator> create) where TOperator : struct, IActivationOperator =>
        new Typed<TOperator>(create);

    private sealed class Typed<TOperator>(Func<Activation, TOperator> create) : ActivationKernel
        where TOperator : struct, IActivationOperator
    {
        public override void Forward(Activation f, ReadOnlySpan<float> x, Span<float> y) =>
            ActivationDriver.Forward(create(f), x, y);

        public override void Backward(Activation f, ReadOnlySpan<float> s, ReadOnlySpan<float> z, ReadOnlySpan<float> dz, Span<float> ds) =>
            ActivationDriver.Backward(create(f), s, z, dz, ds);
    }
}
