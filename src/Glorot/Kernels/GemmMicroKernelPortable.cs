using System.Numerics;
using System.Runtime.CompilerServices;

namespace Glorot.Kernels;

/// <summary>
/// Portable micro-kernel on <see cref="Vector{T}"/> (whatever width the machine has, or software vectors):
/// an R×(2·Vector&lt;float&gt;.Count) tile, R ≤ 4. The fallback for CPUs with neither AVX-512 nor AVX2+FMA; it
/// multiplies and adds separately (no FMA is assumed), so its roundings differ from the other paths.
/// </summary>
internal static unsafe class GemmMicroKernelPortable
{
    /// <summary>Rows of the full tile.</summary>
    public const int Mr = 4;

    /// <summary>Columns of one tile: two vectors (8, 16 or 32 floats, always a divisor of 32).</summary>
    public static int Nr => 2 * Vector<float>.Count;

    /// <summary>
    /// C[R×cols] = α·A·B + β·C + bias for an R×Nr tile; A packed (kc steps of R floats), B kc rows of Nr
    /// floats with row stride ldb, cols &lt; Nr the N edge.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<R>(int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols) where R : struct, IGemmRowCount
    {
        var w = Vector<float>.Count;
        Vector<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default, c3a = default, c3b = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector.Load(b);
            var b1 = Vector.Load(b + w);
            Vector<float> x;
            { x = new Vector<float>(a[0]); c0a += x * b0; c0b += x * b1; }
            if (R.Value > 1) { x = new Vector<float>(a[1]); c1a += x * b0; c1b += x * b1; }
            if (R.Value > 2) { x = new Vector<float>(a[2]); c2a += x * b0; c2b += x * b1; }
            if (R.Value > 3) { x = new Vector<float>(a[3]); c3a += x * b0; c3b += x * b1; }
            a += R.Value;
            b += ldb;
        }

        // Land the accumulators in a scratch tile; the scalar epilogue writes the valid columns.
        var scratch = stackalloc float[R.Value * 2 * w];
        nint lds = 2 * w;
        { Vector.Store(c0a, scratch + 0 * lds); Vector.Store(c0b, scratch + 0 * lds + w); }
        if (R.Value > 1) { Vector.Store(c1a, scratch + 1 * lds); Vector.Store(c1b, scratch + 1 * lds + w); }
        if (R.Value > 2) { Vector.Store(c2a, scratch + 2 * lds); Vector.Store(c2b, scratch + 2 * lds + w); }
        if (R.Value > 3) { Vector.Store(c3a, scratch + 3 * lds); Vector.Store(c3b, scratch + 3 * lds + w); }
        GemmEpilogue.Apply(scratch, lds, R.Value, Math.Min(cols, 2 * w), c, ldc, alpha, beta, bias);
    }
}
