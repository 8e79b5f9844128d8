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

    /// <summary>The widest path used; tests lower it (never above <see cref="HardwarePath"/>).</summary>
    public static SimdPath MaxPath { get; set; } = HardwarePath;

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

    /// <summary>
    /// The forward epilogue of a dense layer, one pass: s[r, j] += bias[j], then z[r, j] = f(s[r, j]).
    /// s, z: (rows × cols) row-major; bias: (cols).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BiasForward<T>(T op, Span<float> s, ReadOnlySpan<float> bias, Span<float> z, int rows, int cols)
        where T : struct, IActivationOperator
    {
        if (bias.Length != cols || s.Length < rows * cols || z.Length < rows * cols)
            throw new ArgumentException($"BiasForward: shapes disagree (rows {rows}, cols {cols}, bias {bias.Length}, s {s.Length}, z {z.Length}).");
        ref float br = ref MemoryMarshal.GetReference(bias);
        var path = MaxPath;
        for (int r = 0; r < rows; r++)
        {
            ref float sr = ref Unsafe.Add(ref MemoryMarshal.GetReference(s), r * cols);
            ref float zr = ref Unsafe.Add(ref MemoryMarshal.GetReference(z), r * cols);
            int j = 0;
            if (path == SimdPath.Vector512)
                for (; j <= cols - 16; j += 16)
                {
                    var v = Vector512.LoadUnsafe(ref sr, (nuint)j) + Vector512.LoadUnsafe(ref br, (nuint)j);
                    v.StoreUnsafe(ref sr, (nuint)j);
                    op.Forward(v).StoreUnsafe(ref zr, (nuint)j);
                }
            if (path >= SimdPath.Vector256)
                for (; j <= cols - 8; j += 8)
                {
                    var v = Vector256.LoadUnsafe(ref sr, (nuint)j) + Vector256.LoadUnsafe(ref br, (nuint)j);
                    v.StoreUnsafe(ref sr, (nuint)j);
                    op.Forward(v).StoreUnsafe(ref zr, (nuint)j);
                }
            for (; j < cols; j++)
            {
                float v = Unsafe.Add(ref sr, j) + Unsafe.Add(ref br, j);
                Unsafe.Add(ref sr, j) = v;
                Unsafe.Add(ref zr, j) = op.Forward(v);
            }
        }
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
