namespace Glorot.Kernels;

/// <summary>
/// The unpacked route for C = α·A·Bᵀ + β·C with few rows of A (<see cref="GemmDotKernel512"/>, or
/// <see cref="GemmDotKernel256"/> on AVX2): loops over the kernel's column groups of C (outer, so each group of B
/// rows streams through once) and 5-row groups of A. The
/// threads claim 64-column chunks (the same chunks for any thread count); every element is one dot product in a
/// fixed order, so every thread count agrees bit for bit.
/// </summary>
internal sealed unsafe class GemmDotDriver : IComputeJob
{
    /// <summary>
    /// Up to this many rows of A the dot route beats packing B (the 4 MB weight matrix) every call; above it the
    /// packing is amortized over enough rows (the prototype in docs/BENCHMARKS.md "Design measurements"
    /// used it up to 14 rows).
    /// </summary>
    public const int MaxRows = 32;

    /// <summary>Below this depth the k tail dominates and packing B is cheap anyway.</summary>
    public const int MinDepth = 64;

    [ThreadStatic] private static GemmDotDriver? _cached;

    // Columns per claimed chunk: whole column groups of either kernel (4 or 2); nothing is packed, so chunks cost
    // only the claim.
    private const int ChunkColumns = 64;

    private GemmPath _path;
    private int _m, _n, _k, _chunks, _nextChunk;
    private float _alpha, _beta;
    private float* _a, _b, _c;
    private nint _lda, _bRowStride, _bChunkStride, _ldc;

    /// <summary>Whether the dot route applies: a vector path (AVX-512 or AVX2), few rows, enough depth.</summary>
    public static bool Applies(GemmPath path, int m, int k) =>
        path is GemmPath.Vector512 or GemmPath.Vector256 && m <= MaxRows && k >= MinDepth;

    /// <summary>
    /// C (m × n, ldc) = α·A (m × k, lda)·Bᵀ + β·C, B row j chunk q at b + j·bRowStride + q·bChunkStride.
    /// </summary>
    public static void Run(GemmPath path, int threads, int m, int n, int k, float alpha, float* a, nint lda, float* b,
        nint bRowStride, nint bChunkStride, float beta, float* c, nint ldc)
    {
        // A (at most 32 × k) is copied once into zero-padded rows of a multiple of 32, shared by all threads.
        var kPadded = PaddedDepth(k);
        var aBuffer = GemmScratch.ForA(m * kPadded);
        float* aPadded = aBuffer.Pointer;
        PadA(m, k, a, lda, aPadded);
        a = aPadded;
        lda = kPadded;
        var job = _cached ?? new GemmDotDriver();
        _cached = null;
        (job._path, job._m, job._n, job._k, job._alpha, job._beta) = (path, m, n, k, alpha, beta);
        (job._lda, job._bRowStride, job._bChunkStride, job._ldc) = (lda, bRowStride, bChunkStride, ldc);
        job._a = a;
        job._b = b;
        job._c = c;
        try
        {
            job._chunks = (n + ChunkColumns - 1) / ChunkColumns;
            job._nextChunk = 0;
            var used = Math.Min(ComputePool.Participants(threads), job._chunks);
            if (used >= 2 && (long)m * n * k >= GemmDriver.ParallelMinWork && ComputePool.ForCurrentThread(used) is { } pool)
                pool.Run(job, used);
            else
                job.RunColumns(0, n);
        }
        finally
        {
            job._a = job._b = job._c = null;
            _cached = job;
            aBuffer.KeepAlive();
        }
    }

    /// <summary>Row length of the zero-padded copy of A the kernels read: k rounded up to a multiple of 32.</summary>
    public static int PaddedDepth(int k) => (k + 31) / 32 * 32;

    /// <summary>Copies A (m × k, lda) into <paramref name="padded"/>: m rows of <see cref="PaddedDepth"/>(k) floats, zero past k.</summary>
    public static void PadA(int m, int k, float* a, nint lda, float* padded)
    {
        var kPadded = PaddedDepth(k);
        for (var i = 0; i < m; i++)
        {
            new ReadOnlySpan<float>(a + i * lda, k).CopyTo(new Span<float>(padded + i * kPadded, k));
            new Span<float>(padded + i * kPadded + k, kPadded - k).Clear();
        }
    }

    /// <summary>
    /// Columns [j0, j1) of C on this thread alone, from A already padded by <see cref="PadA"/>: for callers that
    /// reuse one padded A across many calls (<see cref="FusedBackwardStep"/>, one call per block of columns). Every
    /// element is the same dot product the threaded run computes, so the bits agree. j0 must be a multiple of
    /// 4 (a multiple of every kernel's column group) for the groups to match Run's.
    /// </summary>
    public static void RunPadded(GemmPath path, int m, int j0, int j1, int k, float alpha, float* aPadded, float* b,
        nint bRowStride, nint bChunkStride, float beta, float* c, nint ldc) =>
        Columns(path, m, j0, j1, k, alpha, aPadded, PaddedDepth(k), b, bRowStride, bChunkStride, beta, c, ldc);

    /// <summary>Claims 64-column chunks of C until none is left; every thread runs this.</summary>
    public void Run()
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < _chunks)
            RunColumns(chunk * ChunkColumns, Math.Min(_n, (chunk + 1) * ChunkColumns));
    }

    private void RunColumns(int j0, int j1) =>
        Columns(_path, _m, j0, j1, _k, _alpha, _a, _lda, _b, _bRowStride, _bChunkStride, _beta, _c, _ldc);

    private static void Columns(GemmPath path, int m, int j0, int j1, int k, float alpha, float* a, nint lda, float* b,
        nint bRowStride, nint bChunkStride, float beta, float* c, nint ldc)
    {
        bool avx2 = path == GemmPath.Vector256;
        int nr = avx2 ? GemmDotKernel256.Nr : GemmDotKernel512.Nr, mr = avx2 ? GemmDotKernel256.Mr : GemmDotKernel512.Mr;
        for (var j = j0; j < j1; j += nr)
        {
            var cols = Math.Min(nr, j1 - j);
            float* bj = b + j * bRowStride;
            for (var i = 0; i < m; i += mr)
            {
                float* ai = a + i * lda, cij = c + i * ldc + j;
                switch (Math.Min(mr, m - i))
                {
                    case 5: Tile<Rows5>(avx2, k, ai, lda, bj, bRowStride, bChunkStride, cij, ldc, alpha, beta, cols); break;
                    case 4: Tile<Rows4>(avx2, k, ai, lda, bj, bRowStride, bChunkStride, cij, ldc, alpha, beta, cols); break;
                    case 3: Tile<Rows3>(avx2, k, ai, lda, bj, bRowStride, bChunkStride, cij, ldc, alpha, beta, cols); break;
                    case 2: Tile<Rows2>(avx2, k, ai, lda, bj, bRowStride, bChunkStride, cij, ldc, alpha, beta, cols); break;
                    default: Tile<Rows1>(avx2, k, ai, lda, bj, bRowStride, bChunkStride, cij, ldc, alpha, beta, cols); break;
                }
            }
        }
    }

    // Both kernels take R ≤ 5 rows (Mr = 5), so one switch on the row count serves either.
    private static void Tile<R>(bool avx2, int k, float* a, nint lda, float* b, nint bRowStride, nint bChunkStride,
        float* c, nint ldc, float alpha, float beta, int cols) where R : struct, IGemmRowCount
    {
        if (avx2) GemmDotKernel256.Tile<R>(k, a, lda, b, bRowStride, bChunkStride, c, ldc, alpha, beta, cols);
        else GemmDotKernel512.Tile<R>(k, a, lda, b, bRowStride, bChunkStride, c, ldc, alpha, beta, cols);
    }
}
