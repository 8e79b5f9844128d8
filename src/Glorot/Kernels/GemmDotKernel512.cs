using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// AVX-512 dot-product micro-kernel for C = α·A·Bᵀ + β·C when A has few rows (a layer's backward data pass at
/// small batch, or a forward against row-major weights): an R×4 tile of C (R ≤ 5) whose 20 accumulators each
/// collect one dot product in 16 lanes, 32 k values per step, summed horizontally at the end. Nothing is packed,
/// which is the point at batch 10 (docs/BENCHMARKS.md "Design measurements": 51 → 72 GFLOP/s
/// on one core against packing the 4 MB operand every call). Per step: 2·R + 8 loads for 8·R FMAs,
/// within Zen 4's one zmm load per FMA.
/// <para>A rows are readable and zero padded up to k rounded up to 32 (the driver copies A); B is read up to k
/// only (the last chunk through masked loads). B row j, k chunk q (32 floats) is at b + j·bRowStride +
/// q·bChunkStride: a row-major Bᵀ (n × k) has strides (ldb, 32), a PackedMatrix P (n × k) has
/// (32, P.PanelStride).</para>
/// </summary>
internal static unsafe class GemmDotKernel512
{
    /// <summary>Rows of A per tile.</summary>
    public const int Mr = 5;

    /// <summary>Rows of B (columns of C) per tile.</summary>
    public const int Nr = 4;

    /// <summary>C[R × cols] = α·A·Bᵀ + β·C, cols ≤ 4; A rows at a + r·lda (zero padded to a multiple of 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<R>(int k, float* a, nint lda, float* b, nint bRowStride, nint bChunkStride,
        float* c, nint ldc, float alpha, float beta, int cols) where R : struct, IGemmRowCount
    {
        // Missing columns re-read the last valid B row; their sums are discarded.
        float* b0 = b, b1 = cols > 1 ? b + bRowStride : b0, b2 = cols > 2 ? b + 2 * bRowStride : b1,
            b3 = cols > 3 ? b + 3 * bRowStride : b2;
        Vector512<float> s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12 = default, s13 = default, s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32 = default, s33 = default, s40 = default, s41 = default, s42 = default, s43 = default;
        var chunks = k / 32;
        nint bOffset = 0;
        for (var q = 0; q < chunks; q++, bOffset += bChunkStride, a += 32)
        {
            {
                var x0 = Vector512.Load(a + 0 * lda); var x1 = Vector512.Load(a + 0 * lda + 16);
                s00 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b0 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b0 + bOffset), s00));
                s01 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b1 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b1 + bOffset), s01));
                s02 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b2 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b2 + bOffset), s02));
                s03 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b3 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b3 + bOffset), s03));
            }
            if (R.Value > 1) {
                var x0 = Vector512.Load(a + 1 * lda); var x1 = Vector512.Load(a + 1 * lda + 16);
                s10 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b0 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b0 + bOffset), s10));
                s11 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b1 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b1 + bOffset), s11));
                s12 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b2 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b2 + bOffset), s12));
                s13 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b3 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b3 + bOffset), s13));
            }
            if (R.Value > 2) {
                var x0 = Vector512.Load(a + 2 * lda); var x1 = Vector512.Load(a + 2 * lda + 16);
                s20 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b0 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b0 + bOffset), s20));
                s21 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b1 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b1 + bOffset), s21));
                s22 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b2 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b2 + bOffset), s22));
                s23 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b3 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b3 + bOffset), s23));
            }
            if (R.Value > 3) {
                var x0 = Vector512.Load(a + 3 * lda); var x1 = Vector512.Load(a + 3 * lda + 16);
                s30 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b0 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b0 + bOffset), s30));
                s31 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b1 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b1 + bOffset), s31));
                s32 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b2 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b2 + bOffset), s32));
                s33 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b3 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b3 + bOffset), s33));
            }
            if (R.Value > 4) {
                var x0 = Vector512.Load(a + 4 * lda); var x1 = Vector512.Load(a + 4 * lda + 16);
                s40 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b0 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b0 + bOffset), s40));
                s41 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b1 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b1 + bOffset), s41));
                s42 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b2 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b2 + bOffset), s42));
                s43 = Avx512F.FusedMultiplyAdd(x1, Vector512.Load(b3 + bOffset + 16), Avx512F.FusedMultiplyAdd(x0, Vector512.Load(b3 + bOffset), s43));
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
                var x0 = Vector512.Load(a + 0 * lda); var x1 = Vector512.Load(a + 0 * lda + 16);
                s00 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b0 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b0 + bOffset, m0, zero), s00));
                s01 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b1 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b1 + bOffset, m0, zero), s01));
                s02 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b2 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b2 + bOffset, m0, zero), s02));
                s03 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b3 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b3 + bOffset, m0, zero), s03));
            }
            if (R.Value > 1) {
                var x0 = Vector512.Load(a + 1 * lda); var x1 = Vector512.Load(a + 1 * lda + 16);
                s10 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b0 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b0 + bOffset, m0, zero), s10));
                s11 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b1 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b1 + bOffset, m0, zero), s11));
                s12 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b2 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b2 + bOffset, m0, zero), s12));
                s13 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b3 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b3 + bOffset, m0, zero), s13));
            }
            if (R.Value > 2) {
                var x0 = Vector512.Load(a + 2 * lda); var x1 = Vector512.Load(a + 2 * lda + 16);
                s20 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b0 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b0 + bOffset, m0, zero), s20));
                s21 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b1 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b1 + bOffset, m0, zero), s21));
                s22 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b2 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b2 + bOffset, m0, zero), s22));
                s23 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b3 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b3 + bOffset, m0, zero), s23));
            }
            if (R.Value > 3) {
                var x0 = Vector512.Load(a + 3 * lda); var x1 = Vector512.Load(a + 3 * lda + 16);
                s30 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b0 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b0 + bOffset, m0, zero), s30));
                s31 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b1 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b1 + bOffset, m0, zero), s31));
                s32 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b2 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b2 + bOffset, m0, zero), s32));
                s33 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b3 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b3 + bOffset, m0, zero), s33));
            }
            if (R.Value > 4) {
                var x0 = Vector512.Load(a + 4 * lda); var x1 = Vector512.Load(a + 4 * lda + 16);
                s40 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b0 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b0 + bOffset, m0, zero), s40));
                s41 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b1 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b1 + bOffset, m0, zero), s41));
                s42 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b2 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b2 + bOffset, m0, zero), s42));
                s43 = Avx512F.FusedMultiplyAdd(x1, Avx512F.MaskLoad(b3 + bOffset + 16, m1, zero), Avx512F.FusedMultiplyAdd(x0, Avx512F.MaskLoad(b3 + bOffset, m0, zero), s43));
            }
        }

        // Horizontal sums (four at a time), then the epilogue (β = 0 never reads C).
        StoreRow(c, cols, Sum4(s00, s01, s02, s03), alpha, beta);
        if (R.Value > 1) StoreRow(c + 1 * ldc, cols, Sum4(s10, s11, s12, s13), alpha, beta);
        if (R.Value > 2) StoreRow(c + 2 * ldc, cols, Sum4(s20, s21, s22, s23), alpha, beta);
        if (R.Value > 3) StoreRow(c + 3 * ldc, cols, Sum4(s30, s31, s32, s33), alpha, beta);
        if (R.Value > 4) StoreRow(c + 4 * ldc, cols, Sum4(s40, s41, s42, s43), alpha, beta);
    }

    // [Σ s0, Σ s1, Σ s2, Σ s3]: fold 512 → 256 bits, then three horizontal adds put one partial sum per
    // accumulator in each 128-bit lane; 13 instructions for four sums instead of four full reductions.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sum4(Vector512<float> s0, Vector512<float> s1, Vector512<float> s2, Vector512<float> s3)
    {
        Vector256<float> f0 = s0.GetLower() + s0.GetUpper(), f1 = s1.GetLower() + s1.GetUpper();
        Vector256<float> f2 = s2.GetLower() + s2.GetUpper(), f3 = s3.GetLower() + s3.GetUpper();
        var h = Avx.HorizontalAdd(Avx.HorizontalAdd(f0, f1), Avx.HorizontalAdd(f2, f3));
        return h.GetLower() + h.GetUpper();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, int cols, Vector128<float> t, float alpha, float beta)
    {
        if (cols == 4)
        {
            var va = Vector128.Create(alpha);
            var r = beta == 0f ? t * va
                : beta == 1f ? Fma.MultiplyAdd(t, va, Vector128.Load(c))
                : Fma.MultiplyAdd(t, va, Vector128.Load(c) * Vector128.Create(beta));
            Vector128.Store(r, c);
            return;
        }
        for (var j = 0; j < cols; j++)
            c[j] = beta == 0f ? t[j] * alpha : beta == 1f ? MathF.FusedMultiplyAdd(t[j], alpha, c[j]) : MathF.FusedMultiplyAdd(t[j], alpha, c[j] * beta);
    }
}
