namespace Glorot.Kernels;

/// <summary>
/// The slow, obviously-right GEMM that the fast kernels are tested against: C = α·op(A)·op(B) + β·C over
/// row-major matrices, each dot product accumulated in double precision.
/// </summary>
internal static class GemmReference
{
    /// <summary>
    /// C is (m × n) with leading dimension ldc; op(A) is (m × k), stored as A (m × k, lda) or, transposed,
    /// as Aᵀ (k × m, lda); op(B) is (k × n), stored as B (k × n, ldb) or Bᵀ (n × k, ldb).
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            double sum = 0;
            for (var p = 0; p < k; p++)
            {
                float av = transA ? a[p * lda + i] : a[i * lda + p];
                float bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                sum += (double)av * bv;
            }
            // β = 0 overwrites C without reading it, as BLAS does, so NaN in uninitialized C never leaks.
            double prior = beta == 0f ? 0.0 : (double)beta * c[i * ldc + j];
            c[i * ldc + j] = (float)(alpha * sum + prior);
        }
    }
}
