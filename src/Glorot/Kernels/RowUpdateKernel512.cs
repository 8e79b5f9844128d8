using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// The weight update of one full 32-column panel for a few rows of a packed Wᵀ at small batch (the update half of
/// <see cref="FusedBackwardStep"/>): Wᵀ[i, 32q .. 32q + 32) ← β·Wᵀ[i, ·] + α·Σ_p X[p, i]·dS[p, 32q .. 32q + 32),
/// four rows at a time, the dS rows read once per four rows instead of the A panel broadcast per tile
/// (<see cref="GemmMicroKernel512"/> packs Xᵀ and re-reads dS per 12-row tile, 120 broadcasts per 384 weights).
/// <para>Bit-identical to <see cref="GemmMicroKernel512"/> on the same operands: each element's sum starts at 0
/// and takes FMA(X[p, i], dS[p, j], sum) for p = 0, 1, … in order (one k block: the batch is at most
/// <see cref="GemmPaths.Kc"/>), and the epilogue is its StoreRow (β = 0 never reads W).</para>
/// </summary>
internal static unsafe class RowUpdateKernel512
{
    /// <summary>
    /// rows rows of one panel at <paramref name="w"/> (32 floats each, contiguous); x: X[0, i0] of the row-major
    /// X (batch × ldx); ds: dS[0, 32q] of the row-major dS (batch × ldds).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Panel(int batch, int rows, float* x, nint ldx, float* ds, nint ldds, float* w, float alpha,
        float beta)
    {
        int i = 0;
        if (StreamTuning.RowUpdate == 2)
        for (; i + 8 <= rows; i += 8)
        {
            Vector512<float> a0l = default, a0h = default, a1l = default, a1h = default,
                a2l = default, a2h = default, a3l = default, a3h = default;
            Vector512<float> a4l = default, a4h = default, a5l = default, a5h = default,
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
            float* wi = w + (nint)i * GemmPacking.PanelWidth;
            StoreRow(wi, a0l, a0h, alpha, beta);
            StoreRow(wi + 32, a1l, a1h, alpha, beta);
            StoreRow(wi + 64, a2l, a2h, alpha, beta);
            StoreRow(wi + 96, a3l, a3h, alpha, beta);
            StoreRow(wi + 128, a4l, a4h, alpha, beta);
            StoreRow(wi + 160, a5l, a5h, alpha, beta);
            StoreRow(wi + 192, a6l, a6h, alpha, beta);
            StoreRow(wi + 224, a7l, a7h, alpha, beta);
        }
        for (; i + 4 <= rows; i += 4)
        {
            // Eight accumulators: FMA latency 4 × 2 pipes, so the eight chains keep both FMA units busy.
            Vector512<float> a0l = default, a0h = default, a1l = default, a1h = default,
                a2l = default, a2h = default, a3l = default, a3h = default;
            float* xp = x + i, dp = ds;
            for (var p = 0; p < batch; p++, xp += ldx, dp += ldds)
            {
                var dl = Vector512.Load(dp);
                var dh = Vector512.Load(dp + 16);
                var v = Vector512.Create(xp[0]); a0l = Avx512F.FusedMultiplyAdd(v, dl, a0l); a0h = Avx512F.FusedMultiplyAdd(v, dh, a0h);
                v = Vector512.Create(xp[1]); a1l = Avx512F.FusedMultiplyAdd(v, dl, a1l); a1h = Avx512F.FusedMultiplyAdd(v, dh, a1h);
                v = Vector512.Create(xp[2]); a2l = Avx512F.FusedMultiplyAdd(v, dl, a2l); a2h = Avx512F.FusedMultiplyAdd(v, dh, a2h);
                v = Vector512.Create(xp[3]); a3l = Avx512F.FusedMultiplyAdd(v, dl, a3l); a3h = Avx512F.FusedMultiplyAdd(v, dh, a3h);
            }
            float* wi = w + (nint)i * GemmPacking.PanelWidth;
            StoreRow(wi, a0l, a0h, alpha, beta);
            StoreRow(wi + 32, a1l, a1h, alpha, beta);
            StoreRow(wi + 64, a2l, a2h, alpha, beta);
            StoreRow(wi + 96, a3l, a3h, alpha, beta);
        }
        for (; i < rows; i++)
        {
            Vector512<float> al = default, ah = default;
            float* xp = x + i, dp = ds;
            for (var p = 0; p < batch; p++, xp += ldx, dp += ldds)
            {
                var v = Vector512.Create(xp[0]);
                al = Avx512F.FusedMultiplyAdd(v, Vector512.Load(dp), al);
                ah = Avx512F.FusedMultiplyAdd(v, Vector512.Load(dp + 16), ah);
            }
            StoreRow(w + (nint)i * GemmPacking.PanelWidth, al, ah, alpha, beta);
        }
    }

    // GemmMicroKernel512's epilogue without the bias: w = α·acc + β·w, β = 0 never reading w.
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
