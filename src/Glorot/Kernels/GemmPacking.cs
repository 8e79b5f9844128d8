using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Glorot.Kernels;

/// <summary>
/// Packing routines (BLIS layer "pack A" / "pack B"): copy a block of op(A) or op(B) into the contiguous order the
/// micro-kernels stream through, so each k step reads one cache line of B and a few consecutive floats of A.
/// <para>Packed A block (mc × kc): panels of mr rows; the panel starting at row ir sits at offset ir·kc and holds,
/// for p = 0..kc−1, its r = min(mr, mc − ir) values op(A)[ir..ir+r, p] contiguously (no zero padding: the
/// micro-kernels come in every row count).</para>
/// <para>Packed B block (kc × nc): panels of <see cref="PanelWidth"/> = 32 columns; panel q sits at offset q·kc·32
/// and holds, for p = 0..kc−1, op(B)[p, 32q..32q+31], zero padded past nc. <see cref="PackedMatrix"/> stores
/// whole matrices in this layout.</para>
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Width of every B panel (two zmm vectors; the 16-wide and portable kernels take half or quarter panels).</summary>
    public const int PanelWidth = 32;

    /// <summary>
    /// Packs op(A)[i0.., p0..] (mc × kc) where A is row-major (op(A)[i,p] = a[i·lda + p]). Panels of at least 8
    /// rows go through 8×8 in-register transposes (the last 8-row group overlaps the previous one, rewriting
    /// the same values, so a 12-row panel is two transposes); the rest is copied one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint lda, int mc, int kc, int mr, float* dst)
    {
        for (var ir = 0; ir < mc; ir += mr)
        {
            var r = Math.Min(mr, mc - ir);
            float* src = a + ir * lda;
            var kc8 = Avx.IsSupported && r >= 8 ? kc & ~7 : 0;
            for (var p = 0; p < kc8; p += 8)
            {
                for (var rr = 0; rr < r; rr += 8)
                {
                    var r0 = Math.Min(rr, r - 8);
                    Transpose8x8(src + r0 * lda + p, lda, dst + p * r + r0, r);
                }
            }
            // Row by row for what is left: each source row is read sequentially, the writes go r floats apart.
            for (var rr = 0; rr < r; rr++)
            {
                float* s = src + rr * lda, d = dst + rr;
                for (var p = kc8; p < kc; p++) d[p * r] = s[p];
            }
            dst += r * kc;
        }
    }

    /// <summary>Packs op(A) = Aᵀ: op(A)[i,p] = a[p·lda + i]; each k step of a panel is one contiguous copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackATransposed(float* a, nint lda, int mc, int kc, int mr, float* dst)
    {
        for (var ir = 0; ir < mc; ir += mr)
        {
            var r = Math.Min(mr, mc - ir);
            for (var p = 0; p < kc; p++)
            {
                float* s = a + p * lda + ir;
                for (var rr = 0; rr < r; rr++) dst[rr] = s[rr];
                dst += r;
            }
        }
    }

    /// <summary>Packs op(B) = B (row-major, op(B)[p,j] = b[p·ldb + j]), kc × nc. Source rows are read in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(float* b, nint ldb, int kc, int nc, float* dst)
    {
        var panels = (nc + PanelWidth - 1) / PanelWidth;
        nint panelSize = (nint)kc * PanelWidth;
        for (var p = 0; p < kc; p++)
        {
            float* s = b + p * ldb, d = dst + p * PanelWidth;
            for (var q = 0; q < panels; q++, s += PanelWidth, d += panelSize)
            {
                var w = Math.Min(PanelWidth, nc - q * PanelWidth);
                if (w == PanelWidth)
                {
                    Vector256.Store(Vector256.Load(s), d);
                    Vector256.Store(Vector256.Load(s + 8), d + 8);
                    Vector256.Store(Vector256.Load(s + 16), d + 16);
                    Vector256.Store(Vector256.Load(s + 24), d + 24);
                }
                else
                {
                    for (var c = 0; c < w; c++) d[c] = s[c];
                    for (var c = w; c < PanelWidth; c++) d[c] = 0f;
                }
            }
        }
    }

    /// <summary>
    /// Packs op(B) = Bᵀ (op(B)[p,j] = b[j·ldb + p]), kc × nc: 8×8 blocks go through an in-register transpose
    /// (reads along source rows, writes along panel rows); the ragged edges are copied one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackBTransposed(float* b, nint ldb, int kc, int nc, float* dst)
    {
        var panels = (nc + PanelWidth - 1) / PanelWidth;
        var kc8 = Avx.IsSupported ? kc & ~7 : 0;
        for (var q = 0; q < panels; q++)
        {
            float* d = dst + (nint)q * kc * PanelWidth;
            var w = Math.Min(PanelWidth, nc - q * PanelWidth);
            var w8 = kc8 > 0 ? w & ~7 : 0;
            for (var c = 0; c < w8; c += 8)
            {
                float* s = b + (nint)(q * PanelWidth + c) * ldb;
                for (var p = 0; p < kc8; p += 8) Transpose8x8(s + p, ldb, d + p * PanelWidth + c, PanelWidth);
            }
            for (var c = 0; c < w; c++)
            {
                float* s = b + (nint)(q * PanelWidth + c) * ldb;
                for (var p = c < w8 ? kc8 : 0; p < kc; p++) d[p * PanelWidth + c] = s[p];
            }
            for (var c = w; c < PanelWidth; c++)
            for (var p = 0; p < kc; p++) d[p * PanelWidth + c] = 0f;
        }
    }

    /// <summary>
    /// Packs op(B) = Pᵀ where P is a panel-major matrix (rows = n, panel stride pPanelStride), block rows p0..,
    /// columns j0..: op(B)[p,j] = P[j,p]. Within a panel of P a 32×32 block is contiguous, so this is a block
    /// transpose (8×8 in registers; p0 is a multiple of KC and so of 8).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackBFromPackedTransposed(float* pData, nint pPanelStride, int p0, int j0, int kc, int nc,
        float* dst)
    {
        var panels = (nc + PanelWidth - 1) / PanelWidth;
        var kc8 = Avx.IsSupported && p0 % 8 == 0 ? kc & ~7 : 0;
        for (var q = 0; q < panels; q++)
        {
            float* d = dst + (nint)q * kc * PanelWidth;
            var w = Math.Min(PanelWidth, nc - q * PanelWidth);
            var w8 = kc8 > 0 ? w & ~7 : 0;
            for (var p = 0; p < kc; p++)
            {
                var col = p0 + p;
                float* s = pData + (col / PanelWidth) * pPanelStride + (nint)(j0 + q * PanelWidth) * PanelWidth
                           + col % PanelWidth;
                float* dp = d + p * PanelWidth;
                if (p < kc8)
                {
                    if ((p & 7) == 0)
                        for (var c = 0; c < w8; c += 8) Transpose8x8(s + c * PanelWidth, PanelWidth, dp + c, PanelWidth);
                    for (var c = w8; c < w; c++) dp[c] = s[c * PanelWidth];
                }
                else
                {
                    for (var c = 0; c < w; c++) dp[c] = s[c * PanelWidth];
                }
                for (var c = w; c < PanelWidth; c++) dp[c] = 0f;
            }
        }
    }

    /// <summary>dst[i·ldd + r] = src[r·lds + i] for an 8×8 block (AVX unpack/shuffle/permute transpose).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, nint lds, float* dst, nint ldd)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + lds);
        var r2 = Avx.LoadVector256(src + 2 * lds);
        var r3 = Avx.LoadVector256(src + 3 * lds);
        var r4 = Avx.LoadVector256(src + 4 * lds);
        var r5 = Avx.LoadVector256(src + 5 * lds);
        var r6 = Avx.LoadVector256(src + 6 * lds);
        var r7 = Avx.LoadVector256(src + 7 * lds);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(dst + ldd, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(dst + 2 * ldd, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(dst + 3 * ldd, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(dst + 4 * ldd, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(dst + 5 * ldd, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(dst + 6 * ldd, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(dst + 7 * ldd, Avx.Permute2x128(u3, u7, 0x31));
    }
}
