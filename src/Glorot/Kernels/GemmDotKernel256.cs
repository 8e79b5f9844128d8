using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// The AVX2 twin of <see cref="GemmDotKernel512"/> for machines without AVX-512: C = α·A·Bᵀ + β·C when A has few
/// rows, as an R×2 tile of C (R ≤ 5) whose 10 accumulators each collect one dot product in 8 lanes, 32 k values
/// per step (four ymm per operand row), summed horizontally at the end. Nothing is packed. The tile is sized to
/// the 16 ymm registers: 10 accumulators, the 4 B vectors of the current 16 k values and 2 of A. Per 16 k
/// values: 4 loads of B and 2·R of A for 4·R FMAs.
/// <para>The same operand contract as <see cref="GemmDotKernel512.Tile{R}"/>: A rows zero padded to a multiple of
/// 32, B row j chunk q at b + j·bRowStride + q·bChunkStride, read up to k only (the last chunk through masked
/// loads). Lane l of an accumulator adds its products for k = l, l + 8, l + 16, … in that order; the order
/// depends on nothing but k, so every caller and thread count gets the same bits.</para>
/// </summary>
internal static unsafe class GemmDotKernel256
{
    /// <summary>Rows of A per tile.</summary>
    public const int Mr = 5;

    /// <summary>Rows of B (columns of C) per tile.</summary>
    public const int Nr = 2;

    /// <summary>C[R × cols] = α·A·Bᵀ + β·C, cols ≤ 2; A rows at a + r·lda (zero padded to a multiple of 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<R>(int k, float* a, nint lda, float* b, nint bRowStride, nint bChunkStride,
        float* c, nint ldc, float alpha, float beta, int cols) where R : struct, IGemmRowCount
    {
        // A missing second column re-reads the first B row; its sums are discarded.
        float* b0 = b, b1 = cols > 1 ? b + bRowStride : b0;
        Vector256<float> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default,
            s30 = default, s31 = default, s40 = default, s41 = default;
        var chunks = k / 32;
        nint bOffset = 0;
        for (var q = 0; q < chunks; q++, bOffset += bChunkStride, a += 32)
        {
            for (var half = 0; half < 32; half += 16)
            {
                var u0 = Vector256.Load(b0 + bOffset + half);
                var u1 = Vector256.Load(b0 + bOffset + half + 8);
                var v0 = Vector256.Load(b1 + bOffset + half);
                var v1 = Vector256.Load(b1 + bOffset + half + 8);
                Step(a + half, u0, u1, v0, v1, ref s00, ref s01);
                if (R.Value > 1) Step(a + lda + half, u0, u1, v0, v1, ref s10, ref s11);
                if (R.Value > 2) Step(a + 2 * lda + half, u0, u1, v0, v1, ref s20, ref s21);
                if (R.Value > 3) Step(a + 3 * lda + half, u0, u1, v0, v1, ref s30, ref s31);
                if (R.Value > 4) Step(a + 4 * lda + half, u0, u1, v0, v1, ref s40, ref s41);
            }
        }

        var tail = k - chunks * 32;
        if (tail > 0)
        {
            // The last partial chunk: B through masked loads (lanes past k read as 0 and never fault), A from its
            // zero-padded copy.
            var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
            for (var half = 0; half < 32; half += 16)
            {
                var m0 = Vector256.LessThan(lane, Vector256.Create(tail - half)).AsSingle();
                var m1 = Vector256.LessThan(lane, Vector256.Create(tail - half - 8)).AsSingle();
                var u0 = Avx.MaskLoad(b0 + bOffset + half, m0);
                var u1 = Avx.MaskLoad(b0 + bOffset + half + 8, m1);
                var v0 = Avx.MaskLoad(b1 + bOffset + half, m0);
                var v1 = Avx.MaskLoad(b1 + bOffset + half + 8, m1);
                Step(a + half, u0, u1, v0, v1, ref s00, ref s01);
                if (R.Value > 1) Step(a + lda + half, u0, u1, v0, v1, ref s10, ref s11);
                if (R.Value > 2) Step(a + 2 * lda + half, u0, u1, v0, v1, ref s20, ref s21);
                if (R.Value > 3) Step(a + 3 * lda + half, u0, u1, v0, v1, ref s30, ref s31);
                if (R.Value > 4) Step(a + 4 * lda + half, u0, u1, v0, v1, ref s40, ref s41);
            }
        }

        StoreRow(c, cols, Sum2(s00, s01), alpha, beta);
        if (R.Value > 1) StoreRow(c + ldc, cols, Sum2(s10, s11), alpha, beta);
        if (R.Value > 2) StoreRow(c + 2 * ldc, cols, Sum2(s20, s21), alpha, beta);
        if (R.Value > 3) StoreRow(c + 3 * ldc, cols, Sum2(s30, s31), alpha, beta);
        if (R.Value > 4) StoreRow(c + 4 * ldc, cols, Sum2(s40, s41), alpha, beta);
    }

    // 16 k values of one A row against the two B rows: each accumulator takes its first 8, then its next 8.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(float* a, Vector256<float> u0, Vector256<float> u1, Vector256<float> v0,
        Vector256<float> v1, ref Vector256<float> s0, ref Vector256<float> s1)
    {
        var x0 = Vector256.Load(a);
        var x1 = Vector256.Load(a + 8);
        s0 = Fma.MultiplyAdd(x1, u1, Fma.MultiplyAdd(x0, u0, s0));
        s1 = Fma.MultiplyAdd(x1, v1, Fma.MultiplyAdd(x0, v0, s1));
    }

    // [Σ s0, Σ s1]: fold 256 → 128 bits, then two horizontal adds; the sum of one accumulator does not depend on the other.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Sum2(Vector256<float> s0, Vector256<float> s1)
    {
        Vector128<float> f0 = s0.GetLower() + s0.GetUpper(), f1 = s1.GetLower() + s1.GetUpper();
        var h = Sse3.HorizontalAdd(f0, f1); // [f0₀+f0₁, f0₂+f0₃, f1₀+f1₁, f1₂+f1₃]
        return Sse3.HorizontalAdd(h, h);     // [Σ s0, Σ s1, …]
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, int cols, Vector128<float> t, float alpha, float beta)
    {
        for (var j = 0; j < cols; j++)
            c[j] = beta == 0f ? t[j] * alpha : beta == 1f ? MathF.FusedMultiplyAdd(t[j], alpha, c[j]) : MathF.FusedMultiplyAdd(t[j], alpha, c[j] * beta);
    }
}
