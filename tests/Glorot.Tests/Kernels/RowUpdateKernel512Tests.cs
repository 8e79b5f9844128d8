using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Tests.Kernels;

/// <summary>
/// <see cref="RowUpdateKernel512"/> against the GEMM it stands in for in the fused step, Gemm.MultiplyInto on the
/// packed Wᵀ (Wᵀ ← β·Wᵀ + α·Xᵀ·dS, AVX-512 micro-kernel): bit for bit over the row counts that exercise its
/// eight-row and one-row loops, batches 1 … 32, and the three epilogues (β = 0, 1, other).
/// </summary>
public sealed unsafe class RowUpdateKernel512Tests
{
    public static TheoryData<int, int, float> Cases()
    {
        var data = new TheoryData<int, int, float>();
        foreach (var rows in new[] { 1, 7, 8, 9, 17, 32, 37 })
        foreach (var batch in new[] { 1, 2, 10, 13, 32 })
        foreach (var beta in new[] { 0f, 1f, 0.9995f })
            data.Add(rows, batch, beta);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Equals_the_gemm_update_bit_for_bit(int rows, int batch, float beta)
    {
        Skip.IfNot(GemmPaths.IsSupported(GemmPath.Vector512), "AVX-512 is not available on this machine.");
        const int fanOut = 96; // three full panels
        const float alpha = -0.03f;
        var x = GemmTestData.Uniform(batch * rows, 7, 1);
        var ds = GemmTestData.Uniform(batch * fanOut, 7, 2);
        var w = GemmTestData.Uniform(rows * fanOut, 7, 3);
        var expected = new PackedMatrix(rows, fanOut);
        expected.Pack(w, fanOut, transposed: false);
        using (Gemm.Use(GemmPath.Vector512, threads: 1))
            Gemm.MultiplyInto(expected, true, false, batch, alpha, x, rows, ds, fanOut, beta);

        var actual = new PackedMatrix(rows, fanOut);
        actual.Pack(w, fanOut, transposed: false);
        fixed (float* px = x, pds = ds)
            for (var q = 0; q < actual.Panels; q++)
                RowUpdateKernel512.Panel(batch, rows, px, rows, pds + q * 32, fanOut, actual.Data + q * actual.PanelStride,
                    alpha, beta);

        var e = PackedWeights.Storage(expected).ToArray();
        var a = PackedWeights.Storage(actual).ToArray();
        for (var i = 0; i < e.Length; i++)
            if (BitConverter.SingleToInt32Bits(e[i]) != BitConverter.SingleToInt32Bits(a[i]))
                Assert.Fail($"rows {rows}, batch {batch}, β {beta}: element {i} is {a[i]:R}, the GEMM gives {e[i]:R}");
    }

    [SkippableFact]
    public void Beta_zero_never_reads_the_old_weights()
    {
        Skip.IfNot(GemmPaths.IsSupported(GemmPath.Vector512), "AVX-512 is not available on this machine.");
        var target = new PackedMatrix(9, 32);
        PackedWeights.Storage(target).Fill(float.NaN);
        var x = GemmTestData.Uniform(2 * 9, 5, 1);
        var ds = GemmTestData.Uniform(2 * 32, 5, 2);
        fixed (float* px = x, pds = ds)
            RowUpdateKernel512.Panel(2, 9, px, 9, pds, 32, target.Data, 1f, 0f);
        Assert.All(PackedWeights.Storage(target).ToArray(), v => Assert.True(float.IsFinite(v)));
    }
}
