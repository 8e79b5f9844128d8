using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class OpenBlasGemmTests
{
    [SkippableFact]
    public void Managed_kernels_and_OpenBLAS_agree_within_the_rounding_bound()
    {
        Skip.IfNot(OpenBlasGemm.IsAvailable, OpenBlasGemm.Description);
        foreach (var (transA, transB, m, n, k) in new[] { (false, false, 10, 100, 64), (true, false, 37, 19, 50), (false, true, 64, 65, 400), (true, true, 5, 7, 3) })
        {
            int lda = transA ? m : k, ldb = transB ? k : n;
            var a = GemmTestData.Uniform(m * k, 21, 1);
            var b = GemmTestData.Uniform(k * n, 21, 2);
            var c0 = GemmTestData.Uniform(m * n, 21, 3);
            var managed = (float[])c0.Clone();
            var native = (float[])c0.Clone();
            Gemm.Multiply(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, -0.5f, managed, n);
            using (Gemm.Use(openBlas: true, threads: 1))
                Gemm.Multiply(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, -0.5f, native, n);
            // Both are float computations within (k + 3)·u·Σ|terms| of the exact value, so each is within that
            // bound of the double reference; checking both against it is the parity test.
            var expected = (float[])c0.Clone();
            GemmReference.Multiply(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, -0.5f, expected, n);
            GemmTestData.AssertClose(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, -0.5f, c0, managed, expected, n);
            GemmTestData.AssertClose(transA, transB, m, n, k, 1.25f, a, lda, b, ldb, -0.5f, c0, native, expected, n);
        }
    }
}
