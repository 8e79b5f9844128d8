using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// The weight update of <see cref="FusedBackwardStep"/> at small batch on AVX-512, one full 32-column panel of a
/// block of rows of the packed Wᵀ at a time: Wᵀ[i, 32q .. 32q + 32) ← β·Wᵀ[i, ·] + α·Σ_p X[p, i]·dS[p, 32q .. 32q + 32)
/// (shapes: X is batch × in, dS batch × out, both row-major). Eight rows at a time: each dS row (two zmm) is
/// loaded once per eight rows and feeds 16 FMAs, where <see cref="GemmMicroKernel512"/> loads it per 12-row tile
/// after packing Xᵀ; measured 1.08× on the fused step of 1024-2500×5-9 at batch 10 (docs/BENCHMARKS.md "Fused
/// backward step", 14:37 UTC run).
/// <para>Bit-identical to <see cref="GemmMicroKernel512"/> on the same operands: each element's sum starts at 0
/// and takes FMA(X[p, i], dS[p, j], sum) for p = 0, 1, … in order (the batch is one k block, at most
/// <see cref="GemmPaths.Kc"/>), and the epilogue is the micro-kernel's (β = 0 never reads W).</para>
/// </summary>
internal static unsafe class RowUpdateKernel512
{
    /// <summary>
    /// <paramref name="rows"/> rows of one panel starting at <paramref name="w"/> (32 contiguous floats per row);
    /// <paramref name="x"/> points at X[0, i0] (row stride ldx), <paramref name="ds"/> at dS[0, 32q] (row stride
    /// ldds), for 1 ≤ batch ≤ <see cref="GemmPaths.Kc"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Panel(int batch, int rows, float* x, nint ldx, float* ds, nint ldds, float* w, float alpha,
        float beta)
    {
        const int width = GemmPacking.PanelWidth;
        int i = 0;
        for (; i + 8 <= rows; i += 8)
        {
            // 16 independent FMA chains (8 rows × 2 halves): more than the 2 pipes × 4 cycles of latency need.
            Vector512<float> a0l = default, a0h = default, a1l = default, a1h = default, a2l = default, a2h = default,
                a3l = default, a3h = default, a4l = default, a4h = default, a5l = default, a5h = default,
                a6l = default, a6h = default, a7l = default, a7h = default;
            float* xp = x + i, dp = ds;
            for (var p = 0; p < batch; p++, xp += ldx, dp += ldds)
            {
                var dl = Vector512.Load(dp);
                var dh = Vector512.Load(dp + 16);
                var v = Vector512.Create(xp[0]); a0l = Avx512F.FusedMultiplyAdd(v, dl, a0l); a0h = Avx512F.FusedMultiplyAdd(v, dh, a0h);
                v = Vector512.Create(xp[1]); a1l = Avx512F.FusedMultiplyAdd(v, dl, a1l); a1h = Avx512F.FusedMultiplyAdd(v, dh, a1h);
                v = Vector512.Create(xp[2]); a2l = Avx512F.FusedMultiplyAdd(v, dl, a2l); a2h = Avx512F.FusedMultiplyAdd(v, dh, a2h);
                v = Vector512.Create(xp[3]); a3l = Avx512F.FusedMultiplyAdd(v, dl, a3l); a3h = Avx512F.FusedMultiplyAdd(v, dh, a3h);
                v = Vector512.Create(xp[4]); a4l = Avx512F.FusedMultiplyAdd(v, dl, a4l); a4h = Avx512F.FusedMultiplyAdd(v, dh, a4h);
                v = Vector512.Create(xp[5]); a5l = Avx512F.FusedMultiplyAdd(v, dl, a5l); a5h = Avx512F.FusedMultiplyAdd(v, dh, a5h);
                v = Vector512.Create(xp[6]); a6l = Avx512F.FusedMultiplyAdd(v, dl, a6l); a6h = Avx512F.FusedMultiplyAdd(v, dh, a6h);
                v = Vector512.Create(xp[7]); a7l = Avx512F.FusedMultiplyAdd(v, dl, a7l); a7h = Avx512F.FusedMultiplyAdd(v, dh, a7h);
            }
            float* wi = w + (nint)i * width;
            StoreRow(wi, a0l, a0h, alpha, beta);
            StoreRow(wi + 1 * width, a1l, a1h, alpha, beta);
            StoreRow(wi + 2 * width, a2l, a2h, alpha, beta);
            StoreRow(wi + 3 * width, a3l, a3h, alpha, beta);
            StoreRow(wi + 4 * width, a4l, a4h, alpha, beta);
            StoreRow(wi + 5 * width, a5l, a5h, alpha, beta);
            StoreRow(wi + 6 * width, a6l, a6h, alpha, beta);
            StoreRow(wi + 7 * width, a7l, a7h, alpha, beta);
        }
        for (; i < rows; i++) // the last, partial block of a layer whose width is not a multiple of 8
        {
            Vector512<float> al = default, ah = default;
            float* xp = x + i, dp = ds;
            for (var p = 0; p < batch; p++, xp += ldx, dp += ldds)
            {
                var v = Vector512.Create(xp[0]);
                al = Avx512F.FusedMultiplyAdd(v, Vector512.Load(dp), al);
                ah = Avx512F.FusedMultiplyAdd(v, Vector512.Load(dp + 16), ah);
            }
            StoreRow(w + (nint)i * width, al, ah, alpha, beta);
        }
    }

    // GemmMicroKernel512's epilogue without a bias: w = α·sum + β·w, and β = 0 never reads w (NaN there must not leak).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* w, Vector512<float> lo, Vector512<float> hi, float alpha, float beta)
    {
        var va = Vector512.Create(alpha);
        if (beta == 0f)
        {
            lo *= va;
            hi *= va;
        }
        else if (beta == 1f)
        {
            lo = Avx512F.FusedMultiplyAdd(lo, va, Vector512.Load(w));
            hi = Avx512F.FusedMultiplyAdd(hi, va, Vector512.Load(w + 16));
        }
        else
        {
            var vb = Vector512.Create(beta);
            lo = Avx512F.FusedMultiplyAdd(lo, va, Vector512.Load(w) * vb);
            hi = Avx512F.FusedMultiplyAdd(hi, va, Vector512.Load(w + 16) * vb);
        }
        Vector512.Store(lo, w);
        Vector512.Store(hi, w + 16);
    }
}
