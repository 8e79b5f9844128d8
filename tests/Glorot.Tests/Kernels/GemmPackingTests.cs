using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public unsafe class GemmPackingTests
{
    // Sizes that exercise the 8×8 transposes, their ragged edges, a partial last panel and partial A panels.
    public static TheoryData<int, int> Blocks => new() { { 1, 1 }, { 7, 9 }, { 8, 8 }, { 17, 33 }, { 40, 70 }, { 96, 64 } };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void PackA_lays_out_mr_row_panels_k_step_by_k_step(int mc, int kc)
    {
        foreach (var transposed in new[] { false, true })
        foreach (var mr in new[] { 12, 6, 4 })
        {
            // op(A) = A (mc × kc, lda = kc + 3) or Aᵀ stored kc × mc (lda = mc + 3).
            var lda = (transposed ? mc : kc) + 3;
            var a = GemmTestData.Uniform((transposed ? kc : mc) * lda, 1, 1);
            var packed = new float[mc * kc];
            fixed (float* pa = a, pp = packed)
            {
                if (transposed) GemmPacking.PackATransposed(pa, lda, mc, kc, mr, pp);
                else GemmPacking.PackA(pa, lda, mc, kc, mr, pp);
            }
            for (var ir = 0; ir < mc; ir += mr)
            {
                var r = Math.Min(mr, mc - ir);
                for (var p = 0; p < kc; p++)
                for (var rr = 0; rr < r; rr++)
                {
                    var expected = transposed ? a[p * lda + ir + rr] : a[(ir + rr) * lda + p];
                    Assert.Equal(expected, packed[ir * kc + p * r + rr]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void PackB_lays_out_zero_padded_32_column_panels(int kc, int nc)
    {
        const int w = GemmPacking.PanelWidth;
        var panels = (nc + w - 1) / w;
        foreach (var transposed in new[] { false, true })
        {
            // op(B) = B (kc × nc, ldb = nc + 5) or Bᵀ stored nc × kc (ldb = kc + 5).
            var ldb = (transposed ? kc : nc) + 5;
            var b = GemmTestData.Uniform((transposed ? nc : kc) * ldb, 2, 1);
            var packed = new float[panels * kc * w];
            Array.Fill(packed, float.NaN);
            fixed (float* pb = b, pp = packed)
            {
                if (transposed) GemmPacking.PackBTransposed(pb, ldb, kc, nc, pp);
                else GemmPacking.PackB(pb, ldb, kc, nc, pp);
            }
            for (var q = 0; q < panels; q++)
            for (var p = 0; p < kc; p++)
            for (var c = 0; c < w; c++)
            {
                var j = q * w + c;
                var expected = j >= nc ? 0f : transposed ? b[j * ldb + p] : b[p * ldb + j];
                Assert.Equal(expected, packed[q * kc * w + p * w + c]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Packing_the_transpose_of_a_packed_matrix_is_a_block_transpose(int kc, int nc)
    {
        // P is nc × (kc + 40); the block starts at column p0 = 32 (a k block boundary) and row j0 = 0.
        const int w = GemmPacking.PanelWidth, p0 = 32;
        var p = new PackedMatrix(nc, kc + 40);
        var source = GemmTestData.Uniform(nc * (kc + 40), 3, 1);
        p.Pack(source, kc + 40, transposed: false);
        var panels = (nc + w - 1) / w;
        var packed = new float[panels * kc * w];
        fixed (float* pp = packed)
            GemmPacking.PackBFromPackedTransposed(p.Data, p.PanelStride, p0, 0, kc, nc, pp);
        p.KeepAlive();
        for (var q = 0; q < panels; q++)
        for (var k = 0; k < kc; k++)
        for (var c = 0; c < w; c++)
        {
            var j = q * w + c;
            Assert.Equal(j >= nc ? 0f : p[j, p0 + k], packed[q * kc * w + k * w + c]);
        }
    }
}
