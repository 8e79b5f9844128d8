namespace Glorot.Kernels;

/// <summary>
/// Single-precision GEMM, C = α·op(A)·op(B) + β·C, row-major. The public entry point of the kernels; the
/// shapes and storage conventions are those of <see cref="GemmReference.Multiply"/>.
/// </summary>
internal static class Gemm
{
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        // Placeholder routing until the packed, register-blocked kernels land (issue: fast CPU engine).
        GemmReference.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}
