namespace Glorot.Kernels;

/// <summary>
/// Single-precision GEMM, C = α·op(A)·op(B) + β·C, over row-major matrices: op(A) is m × k, op(B) k × n, C m × n.
/// β = 0 never reads C (NaN there does not leak), as in BLAS. Runs the packed, register-blocked kernels
/// (<see cref="GemmDriver"/>) on the widest vector path this CPU has and on <see cref="Compute.Threads"/> threads
/// (the caller and the workers of its own <see cref="ComputePool"/>); results are bit-identical for every count. A·Bᵀ with at most 32 rows of A takes
/// an unpacked dot-product route instead on the vector paths (<see cref="GemmDotDriver"/>).
/// <para>For layers: keep Wᵀ in a <see cref="PackedMatrix"/> and use the overloads that take one; they never
/// repack the weights.</para>
/// </summary>
internal static unsafe class Gemm
{
    [ThreadStatic] private static GemmPath _pathOverride;
    [ThreadStatic] private static bool _openBlasOverride;

    /// <summary>Threads the next GEMM on this thread will use (<see cref="Compute.Threads"/>).</summary>
    public static int Threads => Compute.Threads;

    /// <summary>The kernel path the next GEMM on this thread will use.</summary>
    public static GemmPath Path => _pathOverride == GemmPath.Auto ? GemmPaths.Best : _pathOverride;

    /// <summary>
    /// For tests, benchmarks and determinism checks: until the returned scope is disposed, GEMMs called from this
    /// thread use the given kernel path (Auto = best), thread count (0 = <see cref="Compute.DefaultThreads"/>), and, if
    /// <paramref name="openBlas"/>, OpenBLAS for the plain overload. An argument left null keeps the setting in
    /// force, so scopes nest (a trainer's <c>Use(threads: 1)</c> inside a test's <c>Use(GemmPath.Portable)</c>
    /// stays on the portable path).
    /// </summary>
    public static Scope Use(GemmPath? path = null, int? threads = null, bool? openBlas = null)
    {
        if (path is { } p && !GemmPaths.IsSupported(p))
            throw new PlatformNotSupportedException($"GEMM path {p} needs an instruction set this CPU lacks.");
        if (threads is < 0 or > Compute.MaxThreads)
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"0 (the default) or 1 to {Compute.MaxThreads}");
        if (openBlas == true && !OpenBlasGemm.IsAvailable) throw new InvalidOperationException(OpenBlasGemm.Description);
        var scope = new Scope(_pathOverride, Compute.Override, _openBlasOverride);
        _pathOverride = path ?? _pathOverride;
        Compute.Override = threads ?? Compute.Override;
        _openBlasOverride = openBlas ?? _openBlasOverride;
        return scope;
    }

    /// <summary>Restores the settings that were in force before <see cref="Use"/>.</summary>
    public readonly struct Scope(GemmPath path, int threads, bool openBlas) : IDisposable
    {
        /// <summary>Restores the previous settings.</summary>
        public void Dispose()
        {
            (_pathOverride, _openBlasOverride) = (path, openBlas);
            Compute.Override = threads;
        }
    }

    /// <summary>
    /// C = α·op(A)·op(B) + β·C. op(A) is m × k, stored as A (m × k, lda) or, if transA, as Aᵀ (k × m, lda);
    /// op(B) is k × n, stored as B (k × n, ldb) or, if transB, as Bᵀ (n × k, ldb); C is m × n (ldc).
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        if (_openBlasOverride)
        {
            CheckPlain(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, 0);
            OpenBlasGemm.Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Threads);
            return;
        }
        Multiply(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, ReadOnlySpan<float>.Empty);
    }

    /// <summary>
    /// C = α·op(A)·op(B) + β·C + 1·biasᵀ: as the plain overload, with bias (n entries, or empty for none) added
    /// to every row of C in the same pass (a layer's forward: Y = X·Wᵀ + b).
    /// </summary>
    public static void Multiply(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> bias)
    {
        CheckPlain(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, bias.Length);
        var path = Path;
        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            if (!transA && transB && bias.IsEmpty && alpha != 0f && GemmDotDriver.Applies(path, m, k))
            {
                GemmDotDriver.Run(path, Threads, m, n, k, alpha, pa, lda, pb, ldb, 32, beta, pc, ldc);
                return;
            }
            GemmDriver.Run(path, Threads, transA, m, n, k, alpha, pa, lda,
                transB ? GemmBSource.Transposed : GemmBSource.RowMajor, pb, ldb, 0,
                beta, pc, ldc, GemmPacking.PanelWidth, bias.IsEmpty ? null : pbias);
        }
    }

    /// <summary>
    /// C = α·op(A)·B + β·C + 1·biasᵀ with B a <see cref="PackedMatrix"/> (k = B.Rows, n = B.Cols) used in
    /// place. op(A) is m × k (A, or Aᵀ stored k × m if transA); C is m × n (ldc); bias has n entries or none.
    /// The layer forward: with Wᵀ packed [in × out], Y[batch × out] = X[batch × in]·Wᵀ + b.
    /// </summary>
    public static void Multiply(bool transA, int m, float alpha, ReadOnlySpan<float> a, int lda, PackedMatrix b,
        float beta, Span<float> c, int ldc, ReadOnlySpan<float> bias = default)
    {
        int k = b.Rows, n = b.Cols;
        GemmArguments.CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a));
        GemmArguments.CheckMatrix(c.Length, m, n, ldc, nameof(c));
        GemmArguments.CheckBias(bias.Length, n);
        fixed (float* pa = a, pc = c, pbias = bias)
            GemmDriver.Run(Path, Threads, transA, m, n, k, alpha, pa, lda, GemmBSource.Packed, b.Data, 0,
                b.PanelStride, beta, pc, ldc, GemmPacking.PanelWidth, bias.IsEmpty ? null : pbias);
        b.KeepAlive();
    }

    /// <summary>
    /// C = α·A·Bᵀ + β·C with B a <see cref="PackedMatrix"/>: A is m × B.Cols (lda), C is m × B.Rows (ldc). The
    /// layer's backward data pass: with Wᵀ packed [in × out], dX[batch × in] = dY[batch × out]·W.
    /// </summary>
    public static void MultiplyTransposed(int m, float alpha, ReadOnlySpan<float> a, int lda, PackedMatrix b,
        float beta, Span<float> c, int ldc)
    {
        int k = b.Cols, n = b.Rows;
        GemmArguments.CheckMatrix(a.Length, m, k, lda, nameof(a));
        GemmArguments.CheckMatrix(c.Length, m, n, ldc, nameof(c));
        var path = Path;
        fixed (float* pa = a, pc = c)
        {
            if (alpha != 0f && m > 0 && n > 0 && GemmDotDriver.Applies(path, m, k))
                GemmDotDriver.Run(path, Threads, m, n, k, alpha, pa, lda, b.Data, GemmPacking.PanelWidth, b.PanelStride,
                    beta, pc, ldc);
            else
                GemmDriver.Run(path, Threads, false, m, n, k, alpha, pa, lda, GemmBSource.PackedTransposed, b.Data,
                    0, b.PanelStride, beta, pc, ldc, GemmPacking.PanelWidth, null);
        }
        b.KeepAlive();
    }

    /// <summary>
    /// C = α·op(A)·op(B) + β·C with C a <see cref="PackedMatrix"/> (m = C.Rows, n = C.Cols): op(A) is m × k (A,
    /// or Aᵀ stored k × m), op(B) is k × n (B, or Bᵀ stored n × k). The weight gradient fused with the SGD step:
    /// with Wᵀ packed [in × out], Wᵀ += (−lr/batch)·Xᵀ·dY is <c>MultiplyInto(wt, true, false, batch, -lr / batch,
    /// x, in, dy, out, 1)</c>, and no dW array is ever written (measured in
    /// docs/BENCHMARKS.md "Design measurements").
    /// </summary>
    public static void MultiplyInto(PackedMatrix c, bool transA, bool transB, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta)
    {
        int m = c.Rows, n = c.Cols;
        GemmArguments.CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a));
        GemmArguments.CheckMatrix(b.Length, transB ? n : k, transB ? k : n, ldb, nameof(b));
        fixed (float* pa = a, pb = b)
            GemmDriver.Run(Path, Threads, transA, m, n, k, alpha, pa, lda,
                transB ? GemmBSource.Transposed : GemmBSource.RowMajor, pb, ldb, 0,
                beta, c.Data, GemmPacking.PanelWidth, c.PanelStride, null);
        c.KeepAlive();
    }

    private static void CheckPlain(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, int biasLength)
    {
        GemmArguments.CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a));
        GemmArguments.CheckMatrix(b.Length, transB ? n : k, transB ? k : n, ldb, nameof(b));
        GemmArguments.CheckMatrix(c.Length, m, n, ldc, nameof(c));
        GemmArguments.CheckBias(biasLength, n);
    }
}
