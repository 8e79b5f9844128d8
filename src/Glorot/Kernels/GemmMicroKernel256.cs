using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// AVX2/FMA micro-kernel for machines without AVX-512: an R×16 tile of C (R ≤ 6) in 2·R ymm accumulators,
/// 12 accumulators + 2 B vectors + 1 broadcast = 15 of the 16 ymm registers (6x16 measured
/// at 73–84 % of peak, docs/BENCHMARKS.md "Design measurements").
/// The same contract as <see cref="GemmMicroKernel512.Tile{R}"/> with 16 columns.
/// </summary>
internal static unsafe class GemmMicroKernel256
{
    /// <summary>Rows of the full tile.</summary>
    public const int Mr = 6;

    /// <summary>Columns of one tile: two ymm vectors.</summary>
    public const int Nr = 16;

    /// <summary>
    /// C[R×cols] = α·A·B + β·C + bias for an R×16 tile; A packed (kc steps of R floats), B kc rows of 16
    /// floats with row stride ldb, cols &lt; 16 the N edge. <paramref name="next"/>, when given, is the next tile's
    /// B, which this tile prefetches as it streams (<see cref="WeightPrefetch"/>): whole 32-float rows, so the
    /// first 16-column strip of a panel fetches both.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<R>(int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols, float* next = null) where R : struct, IGemmRowCount
    {
        Vector256<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default, c3a = default, c3b = default, c4a = default, c4b = default, c5a = default, c5b = default;
        float* ahead = WeightPrefetch.Start(b, kc, ldb, next, out var aheadEnd);
        for (var p = 0; p < kc; p++)
        {
            if (ahead != null)
            {
                Sse.Prefetch0(ahead);
                Sse.Prefetch0(ahead + 16);
                ahead += ldb;
                if (ahead == aheadEnd) ahead = next;
            }
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> x;
            { x = Vector256.Create(a[0]); c0a = Fma.MultiplyAdd(x, b0, c0a); c0b = Fma.MultiplyAdd(x, b1, c0b); }
            if (R.Value > 1) { x = Vector256.Create(a[1]); c1a = Fma.MultiplyAdd(x, b0, c1a); c1b = Fma.MultiplyAdd(x, b1, c1b); }
            if (R.Value > 2) { x = Vector256.Create(a[2]); c2a = Fma.MultiplyAdd(x, b0, c2a); c2b = Fma.MultiplyAdd(x, b1, c2b); }
            if (R.Value > 3) { x = Vector256.Create(a[3]); c3a = Fma.MultiplyAdd(x, b0, c3a); c3b = Fma.MultiplyAdd(x, b1, c3b); }
            if (R.Value > 4) { x = Vector256.Create(a[4]); c4a = Fma.MultiplyAdd(x, b0, c4a); c4b = Fma.MultiplyAdd(x, b1, c4b); }
            if (R.Value > 5) { x = Vector256.Create(a[5]); c5a = Fma.MultiplyAdd(x, b0, c5a); c5b = Fma.MultiplyAdd(x, b1, c5b); }
            a += R.Value;
            b += ldb;
        }

        var edge = cols < Nr;
        var scratch = stackalloc float[edge ? R.Value * Nr : 0];
        float* dst = edge ? scratch : c;
        nint ldd = edge ? Nr : ldc;
        float dAlpha = edge ? 1f : alpha, dBeta = edge ? 0f : beta;
        float* dBias = edge ? null : bias;
        StoreRow(dst + 0 * ldd, c0a, c0b, dAlpha, dBeta, dBias);
        if (R.Value > 1) StoreRow(dst + 1 * ldd, c1a, c1b, dAlpha, dBeta, dBias);
        if (R.Value > 2) StoreRow(dst + 2 * ldd, c2a, c2b, dAlpha, dBeta, dBias);
        if (R.Value > 3) StoreRow(dst + 3 * ldd, c3a, c3b, dAlpha, dBeta, dBias);
        if (R.Value > 4) StoreRow(dst + 4 * ldd, c4a, c4b, dAlpha, dBeta, dBias);
        if (R.Value > 5) StoreRow(dst + 5 * ldd, c5a, c5b, dAlpha, dBeta, dBias);
        if (edge) GemmEpilogue.Apply(scratch, Nr, R.Value, cols, c, ldc, alpha, beta, bias);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> lo, Vector256<float> hi, float alpha, float beta,
        float* bias)
    {
        var va = Vector256.Create(alpha);
        if (beta == 0f)
        {
            lo *= va;
            hi *= va;
        }
        else if (beta == 1f)
        {
            lo = Fma.MultiplyAdd(lo, va, Vector256.Load(c));
            hi = Fma.MultiplyAdd(hi, va, Vector256.Load(c + 8));
        }
        else
        {
            var vb = Vector256.Create(beta);
            lo = Fma.MultiplyAdd(lo, va, Vector256.Load(c) * vb);
            hi = Fma.MultiplyAdd(hi, va, Vector256.Load(c + 8) * vb);
        }
        if (bias != null)
        {
            lo += Vector256.Load(bias);
            hi += Vector256.Load(bias + 8);
        }
        Vector256.Store(lo, c);
        Vector256.Store(hi, c + 8);
    }
}
