using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Glorot.Kernels;

/// <summary>The instruction-set paths of the element-wise kernels, narrowest first.</summary>
internal enum SimdPath
{
    Scalar,
    Vector256,
    Vector512,
}

/// <summary>
/// The one generic driver for every <see cref="IActivationOperator"/>: walks the spans with the widest vector
/// the machine has (or <see cref="MaxPath"/>, which tests lower to exercise each path), then finishes the
/// remainder with narrower vectors and scalars. Element i always gets the same path for a given length, so
/// results never depend on how callers split work.
/// </summary>
internal static class ActivationDriver
{
    /// <summary>The widest path the hardware accelerates.</summary>
    public static SimdPath HardwarePath { get; } =
        Vector512.IsHardwareAccelerated ? SimdPath.Vector512
        : Vector256.IsHardwareAccelerated ? SimdPath.Vector256
        : SimdPath.Scalar;

    /// <summary>
    /// The widest path used by calls from this thread: <see cref="HardwarePath"/> unless a test lowers it (per
    /// thread, so a test forcing the scalar path never changes what other threads compute).
    /// </summary>
    public static SimdPath MaxPath
    {
        get => _maxPathOverride ?? HardwarePath;
        set => _maxPathOverride = value <= HardwarePath ? value
            : throw new PlatformNotSupportedException($"{value} is not accelerated on this machine.");
    }

    [ThreadStatic] private static SimdPath? _maxPathOverride;

    /// <summary>y = f(x). x, y: (n); y may be x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(T op, ReadOnlySpan<float> x, Span<float> y) where T : struct, IActivationOperator
    {
        if (y.Length != x.Length) throw new ArgumentException("x and y differ in length.", nameof(y));
        int n = x.Length, i = 0;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        var path = MaxPath;
        if (path == SimdPath.Vector512)
            for (; i <= n - 16; i += 16)
                op.Forward(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        if (path >= SimdPath.Vector256)
            for (; i <= n - 8; i += 8)
                op.Forward(Vector256.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref yr, i) = op.Forward(Unsafe.Add(ref xr, i));
    }

    /// <summary>ds = dz ⊙ f′(s) with f′ read from s and z = f(s). All (n); ds may be dz.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(T op, ReadOnlySpan<float> s, ReadOnlySpan<float> z, ReadOnlySpan<float> dz,
        Span<float> ds) where T : struct, IActivationOperator
    {
        int n = ds.Length, i = 0;
        if (s.Length != n || z.Length != n || dz.Length != n)
            throw new ArgumentException("Backward: s, z, dz and ds must have the same length.");
        ref float sr = ref MemoryMarshal.GetReference(s);
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float dzr = ref MemoryMarshal.GetReference(dz);
        ref float dsr = ref MemoryMarshal.GetReference(ds);
        var path = MaxPath;
        if (path == SimdPath.Vector512)
            for (; i <= n - 16; i += 16)
                (Vector512.LoadUnsafe(ref dzr, (nuint)i)
                 * op.Derivative(Vector512.LoadUnsafe(ref sr, (nuint)i), Vector512.LoadUnsafe(ref zr, (nuint)i)))
                    .StoreUnsafe(ref dsr, (nuint)i);
        if (path >= SimdPath.Vector256)
            for (; i <= n - 8; i += 8)
                (Vector256.LoadUnsafe(ref dzr, (nuint)i)
                 * op.Derivative(Vector256.LoadUnsafe(ref sr, (nuint)i), Vector256.LoadUnsafe(ref zr, (nuint)i)))
                    .StoreUnsafe(ref dsr, (nuint)i);
        for (; i < n; i++)
            Unsafe.Add(ref dsr, i) = Unsafe.Add(ref dzr, i) * op.Derivative(Unsafe.Add(ref sr, i), Unsafe.Add(ref zr, i));
    }
}
