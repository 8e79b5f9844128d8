using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// <see cref="GemmDotKernel512"/> with 5 columns of C per tile instead of 4, for the fused backward step's dX
/// (<see cref="GemmDotDriver.RunPadded"/>): an R×5 tile (R ≤ 5) in 25 accumulators. Each half chunk (16 k values)
/// loads the 5 B vectors once and each A row once, R + 5 loads for 5·R FMAs (10 per 25 at R = 5, against 9 per 20
/// in the 4-column kernel), and a 32-column block re-reads the padded A from L2 7 times instead of 8
/// (docs/BENCHMARKS.md "Fused backward step").
/// <para>Bit-identical to <see cref="GemmDotKernel512"/>: every accumulator collects the same products in the same
/// order (chunk by chunk, its low 16 k values, then its high 16), and every sum is reduced by the same tree
/// (<see cref="Sum4"/>, whose result for one accumulator does not depend on the other three), so which tile a column
/// falls in never changes a bit. Layout of A and B as in <see cref="GemmDotKernel512"/>.</para>
/// </summary>
internal static unsafe class GemmDotKernel512x5
{
    /// <summary>Rows of A per tile.</summary>
    public const int Mr = 5;

    /// <summary>Rows of B (columns of C) per tile.</summary>
    public const int Nr = 5;

    /// <summary>C[R × cols] = α·A·Bᵀ + β·C, cols ≤ 5; A rows at a + r·lda (zero padded to a multiple of 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<R>(int k, float* a, nint lda, float* b, nint bRowStride, nint bChunkStride,
        float* c, nint ldc, float alpha, float beta, int cols) where R : struct, IGemmRowCount
    {
        // Missing columns re-read the last valid B row; their sums are discarded.
        float* b0 = b, b1 = cols > 1 ? b + bRowStride : b0, b2 = cols > 2 ? b + 2 * bRowStride : b1,
            b3 = cols > 3 ? b + 3 * bRowStride : b2, b4 = cols > 4 ? b + 4 * bRowStride : b3;
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default, s04 = default, s10 = default, s11 = default, s12 = default, s13 = default, s14 = default, s20 = default, s21 = default, s22 = default, s23 = default, s24 = default, s30 = default, s31 = default, s32 = default, s33 = default, s34 = default, s40 = default, s41 = default, s42 = default, s43 = default, s44 = default;
        var chunks = k / 32;
        nint bOffset = 0;
        for (var q = 0; q < chunks; q++, bOffset += bChunkStride, a += 32)
        {
            {
                var w0 = Vector512.Load(b0 + bOffset);
                var w1 = Vector512.Load(b1 + bOffset);
                var w2 = Vector512.Load(b2 + bOffset);
                var w3 = Vector512.Load(b3 + bOffset);
                var w4 = Vector512.Load(b4 + bOffset);
                { var x = Vector512.Load(a + 0 * lda); s00 = Avx512F.FusedMultiplyAdd(x, w0, s00); s01 = Avx512F.FusedMultiplyAdd(x, w1, s01); s02 = Avx512F.FusedMultiplyAdd(x, w2, s02); s03 = Avx512F.FusedMultiplyAdd(x, w3, s03); s04 = Avx512F.FusedMultiplyAdd(x, w4, s04); }
                if (R.Value > 1) { var x = Vector512.Load(a + 1 * lda); s10 = Avx512F.FusedMultiplyAdd(x, w0, s10); s11 = Avx512F.FusedMultiplyAdd(x, w1, s11); s12 = Avx512F.FusedMultiplyAdd(x, w2, s12); s13 = Avx512F.FusedMultiplyAdd(x, w3, s13); s14 = Avx512F.FusedMultiplyAdd(x, w4, s14); }
                if (R.Value > 2) { var x = Vector512.Load(a + 2 * lda); s20 = Avx512F.FusedMultiplyAdd(x, w0, s20); s21 = Avx512F.FusedMultiplyAdd(x, w1, s21); s22 = Avx512F.FusedMultiplyAdd(x, w2, s22); s23 = Avx512F.FusedMultiplyAdd(x, w3, s23); s24 = Avx512F.FusedMultiplyAdd(x, w4, s24); }
                if (R.Value > 3) { var x = Vector512.Load(a + 3 * lda); s30 = Avx512F.FusedMultiplyAdd(x, w0, s30); s31 = Avx512F.FusedMultiplyAdd(x, w1, s31); s32 = Avx512F.FusedMultiplyAdd(x, w2, s32); s33 = Avx512F.FusedMultiplyAdd(x, w3, s33); s34 = Avx512F.FusedMultiplyAdd(x, w4, s34); }
                if (R.Value > 4) { var x = Vector512.Load(a + 4 * lda); s40 = Avx512F.FusedMultiplyAdd(x, w0, s40); s41 = Avx512F.FusedMultiplyAdd(x, w1, s41); s42 = Avx512F.FusedMultiplyAdd(x, w2, s42); s43 = Avx512F.FusedMultiplyAdd(x, w3, s43); s44 = Avx512F.FusedMultiplyAdd(x, w4, s44); }
            }
            {
                var w0 = Vector512.Load(b0 + bOffset + 16);
                var w1 = Vector512.Load(b1 + bOffset + 16);
                var w2 = Vector512.Load(b2 + bOffset + 16);
                var w3 = Vector512.Load(b3 + bOffset + 16);
                var w4 = Vector512.Load(b4 + bOffset + 16);
                { var x = Vector512.Load(a + 0 * lda + 16); s00 = Avx512F.FusedMultiplyAdd(x, w0, s00); s01 = Avx512F.FusedMultiplyAdd(x, w1, s01); s02 = Avx512F.FusedMultiplyAdd(x, w2, s02); s03 = Avx512F.FusedMultiplyAdd(x, w3, s03); s04 = Avx512F.FusedMultiplyAdd(x, w4, s04); }
                if (R.Value > 1) { var x = Vector512.Load(a + 1 * lda + 16); s10 = Avx512F.FusedMultiplyAdd(x, w0, s10); s11 = Avx512F.FusedMultiplyAdd(x, w1, s11); s12 = Avx512F.FusedMultiplyAdd(x, w2, s12); s13 = Avx512F.FusedMultiplyAdd(x, w3, s13); s14 = Avx512F.FusedMultiplyAdd(x, w4, s14); }
                if (R.Value > 2) { var x = Vector512.Load(a + 2 * lda + 16); s20 = Avx512F.FusedMultiplyAdd(x, w0, s20); s21 = Avx512F.FusedMultiplyAdd(x, w1, s21); s22 = Avx512F.FusedMultiplyAdd(x, w2, s22); s23 = Avx512F.FusedMultiplyAdd(x, w3, s23); s24 = Avx512F.FusedMultiplyAdd(x, w4, s24); }
                if (R.Value > 3) { var x = Vector512.Load(a + 3 * lda + 16); s30 = Avx512F.FusedMultiplyAdd(x, w0, s30); s31 = Avx512F.FusedMultiplyAdd(x, w1, s31); s32 = Avx512F.FusedMultiplyAdd(x, w2, s32); s33 = Avx512F.FusedMultiplyAdd(x, w3, s33); s34 = Avx512F.FusedMultiplyAdd(x, w4, s34); }
                if (R.Value > 4) { var x = Vector512.Load(a + 4 * lda + 16); s40 = Avx512F.FusedMultiplyAdd(x, w0, s40); s41 = Avx512F.FusedMultiplyAdd(x, w1, s41); s42 = Avx512F.FusedMultiplyAdd(x, w2, s42); s43 = Avx512F.FusedMultiplyAdd(x, w3, s43); s44 = Avx512F.FusedMultiplyAdd(x, w4, s44); }
            }
        }

        var tail = k - chunks * 32;
        if (tail > 0)
        {
            // The last partial chunk: B through masked loads (lanes past k read as 0 and never fault), A from its
            // zero-padded copy.
            var lane = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            var m0 = Vector512.LessThan(lane, Vector512.Create(tail)).AsSingle();
            var m1 = Vector512.LessThan(lane, Vector512.Create(tail - 16)).AsSingle();
            var zero = Vector512<float>.Zero;
                {
                    var w0 = Avx512F.MaskLoad(b0 + bOffset, m0, zero);
                    var w1 = Avx512F.MaskLoad(b1 + bOffset, m0, zero);
                    var w2 = Avx512F.MaskLoad(b2 + bOffset, m0, zero);
                    var w3 = Avx512F.MaskLoad(b3 + bOffset, m0, zero);
                    var w4 = Avx512F.MaskLoad(b4 + bOffset, m0, zero);
                    { var x = Vector512.Load(a + 0 * lda); s00 = Avx512F.FusedMultiplyAdd(x, w0, s00); s01 = Avx512F.FusedMultiplyAdd(x, w1, s01); s02 = Avx512F.FusedMultiplyAdd(x, w2, s02); s03 = Avx512F.FusedMultiplyAdd(x, w3, s03); s04 = Avx512F.FusedMultiplyAdd(x, w4, s04); }
                    if (R.Value > 1) { var x = Vector512.Load(a + 1 * lda); s10 = Avx512F.FusedMultiplyAdd(x, w0, s10); s11 = Avx512F.FusedMultiplyAdd(x, w1, s11); s12 = Avx512F.FusedMultiplyAdd(x, w2, s12); s13 = Avx512F.FusedMultiplyAdd(x, w3, s13); s14 = Avx512F.FusedMultiplyAdd(x, w4, s14); }
                    if (R.Value > 2) { var x = Vector512.Load(a + 2 * lda); s20 = Avx512F.FusedMultiplyAdd(x, w0, s20); s21 = Avx512F.FusedMultiplyAdd(x, w1, s21); s22 = Avx512F.FusedMultiplyAdd(x, w2, s22); s23 = Avx512F.FusedMultiplyAdd(x, w3, s23); s24 = Avx512F.FusedMultiplyAdd(x, w4, s24); }
                    if (R.Value > 3) { var x = Vector512.Load(a + 3 * lda); s30 = Avx512F.FusedMultiplyAdd(x, w0, s30); s31 = Avx512F.FusedMultiplyAdd(x, w1, s31); s32 = Avx512F.FusedMultiplyAdd(x, w2, s32); s33 = Avx512F.FusedMultiplyAdd(x, w3, s33); s34 = Avx512F.FusedMultiplyAdd(x, w4, s34); }
                    if (R.Value > 4) { var x = Vector512.Load(a + 4 * lda); s40 = Avx512F.FusedMultiplyAdd(x, w0, s40); s41 = Avx512F.FusedMultiplyAdd(x, w1, s41); s42 = Avx512F.FusedMultiplyAdd(x, w2, s42); s43 = Avx512F.FusedMultiplyAdd(x, w3, s43); s44 = Avx512F.FusedMultiplyAdd(x, w4, s44); }
                }
                {
                    var w0 = Avx512F.MaskLoad(b0 + bOffset + 16, m1, zero);
                    var w1 = Avx512F.MaskLoad(b1 + bOffset + 16, m1, zero);
                    var w2 = Avx512F.MaskLoad(b2 + bOffset + 16, m1, zero);
                    var w3 = Avx512F.MaskLoad(b3 + bOffset + 16, m1, zero);
                    var w4 = Avx512F.MaskLoad(b4 + bOffset + 16, m1, zero);
                    { var x = Vector512.Load(a + 0 * lda + 16); s00 = Avx512F.FusedMultiplyAdd(x, w0, s00); s01 = Avx512F.FusedMultiplyAdd(x, w1, s01); s02 = Avx512F.FusedMultiplyAdd(x, w2, s02); s03 = Avx512F.FusedMultiplyAdd(x, w3, s03); s04 = Avx512F.FusedMultiplyAdd(x, w4, s04); }
                    if (R.Value > 1) { var x = Vector512.Load(a + 1 * lda + 16); s10 = Avx512F.FusedMultiplyAdd(x, w0, s10); s11 = Avx512F.FusedMultiplyAdd(x, w1, s11); s12 = Avx512F.FusedMultiplyAdd(x, w2, s12); s13 = Avx512F.FusedMultiplyAdd(x, w3, s13); s14 = Avx512F.FusedMultiplyAdd(x, w4, s14); }
                    if (R.Value > 2) { var x = Vector512.Load(a + 2 * lda + 16); s20 = Avx512F.FusedMultiplyAdd(x, w0, s20); s21 = Avx512F.FusedMultiplyAdd(x, w1, s21); s22 = Avx512F.FusedMultiplyAdd(x, w2, s22); s23 = Avx512F.FusedMultiplyAdd(x, w3, s23); s24 = Avx512F.FusedMultiplyAdd(x, w4, s24); }
                    if (R.Value > 3) { var x = Vector512.Load(a + 3 * lda + 16); s30 = Avx512F.FusedMultiplyAdd(x, w0, s30); s31 = Avx512F.FusedMultiplyAdd(x, w1, s31); s32 = Avx512F.FusedMultiplyAdd(x, w2, s32); s33 = Avx512F.FusedMultiplyAdd(x, w3, s33); s34 = Avx512F.FusedMultiplyAdd(x, w4, s34); }
                    if (R.Value > 4) { var x = Vector512.Load(a + 4 * lda + 16); s40 = Avx512F.FusedMultiplyAdd(x, w0, s40); s41 = Avx512F.FusedMultiplyAdd(x, w1, s41); s42 = Avx512F.FusedMultiplyAdd(x, w2, s42); s43 = Avx512F.FusedMultiplyAdd(x, w3, s43); s44 = Avx512F.FusedMultiplyAdd(x, w4, s44); }
                }
        }

        // Horizontal sums by the 4-column kernel's tree (the fifth through a Sum4 of itself), then its epilogue.
        StoreRow(c + 0 * ldc, cols, Sum4(s00, s01, s02, s03), Sum4(s04, s04, s04, s04).ToScalar(), alpha, beta);
        if (R.Value > 1) StoreRow(c + 1 * ldc, cols, Sum4(s10, s11, s12, s13), Sum4(s14, s14, s14, s14).ToScalar(), alpha, beta);
        if (R.Value > 2) StoreRow(c + 2 * ldc, cols, Sum4(s20, s21, s22, s23), Sum4(s24, s24, s24, s24).ToScalar(), alpha, beta);
        if (R.Value > 3) StoreRow(c + 3 * ldc, cols, Sum4(s30, s31, s32, s33), Sum4(s34, s34, s34, s34).ToScalar(), alpha, beta);
        if (R.Value > 4) StoreRow(c + 4 * ldc, cols, Sum4(s40, s41, s42, s43), Sum4(s44, s44, s44, s44).ToScalar(), alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sum4(Vector512<float> s0, Vector512<float> s1, Vector512<float> s2, Vector512<float> s3) =>
        GemmDotKernel512.Sum4(s0, s1, s2, s3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, int cols, Vector128<float> t, float t4, float alpha, float beta)
    {
        GemmDotKernel512.StoreRow(c, Math.Min(cols, 4), t, alpha, beta);
        if (cols == 5)
            c[4] = beta == 0f ? t4 * alpha : beta == 1f ? MathF.FusedMultiplyAdd(t4, alpha, c[4]) : MathF.FusedMultiplyAdd(t4, alpha, c[4] * beta);
    }
}
