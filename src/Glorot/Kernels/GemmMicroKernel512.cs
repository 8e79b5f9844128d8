using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// AVX-512 micro-kernel: an R×32 tile of C (R ≤ 12) kept in 2·R zmm accumulators, C_tile = α·A_panel·B_panel
/// (+ β·C_tile) (+ bias). 12×32 is BLIS zen4's sgemm tile (bli_sgemm_skx_asm_32x12_l2, in row-major terms) and
/// measured 99 % of one core's FMA peak (docs/BENCHMARKS.md "Design measurements").
/// Each k step: 2 loads of B, R broadcasts of A,
/// 2·R FMAs. Written out row by row (no arrays) so every accumulator stays in a register.
/// </summary>
internal static unsafe class GemmMicroKernel512
{
    /// <summary>Rows of the full tile (the A panel height this kernel set packs for).</summary>
    public const int Mr = 12;

    /// <summary>Columns of one tile: two zmm vectors.</summary>
    public const int Nr = 32;

    /// <summary>
    /// C[R×cols] (row stride ldc) = α·A·B + β·C + bias, where A is a packed panel (kc steps of R contiguous
    /// floats), B is kc rows of 32 floats with row stride ldb, and bias (null or 32 floats) is added to each
    /// row. cols &lt; 32 is the N edge: the tile is computed in full (B is zero padded there) and only cols
    /// columns are written.
    /// <para><paramref name="next"/>, when given, is the next tile's B: this tile's B streams from memory, and
    /// each k step prefetches ahead (<see cref="WeightPrefetch"/>).</para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<R>(int kc, float* a, float* b, nint ldb, float* c, nint ldc,
        float alpha, float beta, float* bias, int cols, float* next = null) where R : struct, IGemmRowCount
    {
        Vector512<float> c0a = default, c0b = default, c1a = default, c1b = default, c2a = default, c2b = default, c3a = default, c3b = default, c4a = default, c4b = default, c5a = default, c5b = default, c6a = default, c6b = default, c7a = default, c7b = default, c8a = default, c8b = default, c9a = default, c9b = default, c10a = default, c10b = default, c11a = default, c11b = default;
        // Prefetch the C tile (its first and last float per row): at 1000×1000 C lives in L3, and 24 misses at
        // the epilogue would otherwise stall every tile (+4 % at KC = 128 in
        // docs/BENCHMARKS.md "Design measurements").
        { Sse.Prefetch0(c + 0 * ldc); Sse.Prefetch0(c + 0 * ldc + 31); }
        if (R.Value > 1) { Sse.Prefetch0(c + 1 * ldc); Sse.Prefetch0(c + 1 * ldc + 31); }
        if (R.Value > 2) { Sse.Prefetch0(c + 2 * ldc); Sse.Prefetch0(c + 2 * ldc + 31); }
        if (R.Value > 3) { Sse.Prefetch0(c + 3 * ldc); Sse.Prefetch0(c + 3 * ldc + 31); }
        if (R.Value > 4) { Sse.Prefetch0(c + 4 * ldc); Sse.Prefetch0(c + 4 * ldc + 31); }
        if (R.Value > 5) { Sse.Prefetch0(c + 5 * ldc); Sse.Prefetch0(c + 5 * ldc + 31); }
        if (R.Value > 6) { Sse.Prefetch0(c + 6 * ldc); Sse.Prefetch0(c + 6 * ldc + 31); }
        if (R.Value > 7) { Sse.Prefetch0(c + 7 * ldc); Sse.Prefetch0(c + 7 * ldc + 31); }
        if (R.Value > 8) { Sse.Prefetch0(c + 8 * ldc); Sse.Prefetch0(c + 8 * ldc + 31); }
        if (R.Value > 9) { Sse.Prefetch0(c + 9 * ldc); Sse.Prefetch0(c + 9 * ldc + 31); }
        if (R.Value > 10) { Sse.Prefetch0(c + 10 * ldc); Sse.Prefetch0(c + 10 * ldc + 31); }
        if (R.Value > 11) { Sse.Prefetch0(c + 11 * ldc); Sse.Prefetch0(c + 11 * ldc + 31); }
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
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> x;
            { x = Vector512.Create(a[0]); c0a = Avx512F.FusedMultiplyAdd(x, b0, c0a); c0b = Avx512F.FusedMultiplyAdd(x, b1, c0b); }
            if (R.Value > 1) { x = Vector512.Create(a[1]); c1a = Avx512F.FusedMultiplyAdd(x, b0, c1a); c1b = Avx512F.FusedMultiplyAdd(x, b1, c1b); }
            if (R.Value > 2) { x = Vector512.Create(a[2]); c2a = Avx512F.FusedMultiplyAdd(x, b0, c2a); c2b = Avx512F.FusedMultiplyAdd(x, b1, c2b); }
            if (R.Value > 3) { x = Vector512.Create(a[3]); c3a = Avx512F.FusedMultiplyAdd(x, b0, c3a); c3b = Avx512F.FusedMultiplyAdd(x, b1, c3b); }
            if (R.Value > 4) { x = Vector512.Create(a[4]); c4a = Avx512F.FusedMultiplyAdd(x, b0, c4a); c4b = Avx512F.FusedMultiplyAdd(x, b1, c4b); }
            if (R.Value > 5) { x = Vector512.Create(a[5]); c5a = Avx512F.FusedMultiplyAdd(x, b0, c5a); c5b = Avx512F.FusedMultiplyAdd(x, b1, c5b); }
            if (R.Value > 6) { x = Vector512.Create(a[6]); c6a = Avx512F.FusedMultiplyAdd(x, b0, c6a); c6b = Avx512F.FusedMultiplyAdd(x, b1, c6b); }
            if (R.Value > 7) { x = Vector512.Create(a[7]); c7a = Avx512F.FusedMultiplyAdd(x, b0, c7a); c7b = Avx512F.FusedMultiplyAdd(x, b1, c7b); }
            if (R.Value > 8) { x = Vector512.Create(a[8]); c8a = Avx512F.FusedMultiplyAdd(x, b0, c8a); c8b = Avx512F.FusedMultiplyAdd(x, b1, c8b); }
            if (R.Value > 9) { x = Vector512.Create(a[9]); c9a = Avx512F.FusedMultiplyAdd(x, b0, c9a); c9b = Avx512F.FusedMultiplyAdd(x, b1, c9b); }
            if (R.Value > 10) { x = Vector512.Create(a[10]); c10a = Avx512F.FusedMultiplyAdd(x, b0, c10a); c10b = Avx512F.FusedMultiplyAdd(x, b1, c10b); }
            if (R.Value > 11) { x = Vector512.Create(a[11]); c11a = Avx512F.FusedMultiplyAdd(x, b0, c11a); c11b = Avx512F.FusedMultiplyAdd(x, b1, c11b); }
            a += R.Value;
            b += ldb;
        }

        // Edge tile: land the accumulators in a scratch tile, then write only the valid columns.
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
        if (R.Value > 6) StoreRow(dst + 6 * ldd, c6a, c6b, dAlpha, dBeta, dBias);
        if (R.Value > 7) StoreRow(dst + 7 * ldd, c7a, c7b, dAlpha, dBeta, dBias);
        if (R.Value > 8) StoreRow(dst + 8 * ldd, c8a, c8b, dAlpha, dBeta, dBias);
        if (R.Value > 9) StoreRow(dst + 9 * ldd, c9a, c9b, dAlpha, dBeta, dBias);
        if (R.Value > 10) StoreRow(dst + 10 * ldd, c10a, c10b, dAlpha, dBeta, dBias);
        if (R.Value > 11) StoreRow(dst + 11 * ldd, c11a, c11b, dAlpha, dBeta, dBias);
        if (edge) GemmEpilogue.Apply(scratch, Nr, R.Value, cols, c, ldc, alpha, beta, bias);
    }

    // One row of the epilogue: c = α·acc + β·c + bias; β = 0 never reads c (NaN there must not leak).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector512<float> lo, Vector512<float> hi, float alpha, float beta,
        float* bias)
    {
        var va = Vector512.Create(alpha);
        if (beta == 0f)
        {
            lo *= va;
            hi *= va;
        }
        else if (beta == 1f)
        {
            lo = Avx512F.FusedMultiplyAdd(lo, va, Vector512.Load(c));
            hi = Avx512F.FusedMultiplyAdd(hi, va, Vector512.Load(c + 16));
        }
        else
        {
            var vb = Vector512.Create(beta);
            lo = Avx512F.FusedMultiplyAdd(lo, va, Vector512.Load(c) * vb);
            hi = Avx512F.FusedMultiplyAdd(hi, va, Vector512.Load(c + 16) * vb);
        }
        if (bias != null)
        {
            lo += Vector512.Load(bias);
            hi += Vector512.Load(bias + 16);
        }
        Vector512.Store(lo, c);
        Vector512.Store(hi, c + 16);
    }
}
