using System.Runtime.CompilerServices;

namespace Glorot.Kernels;

/// <summary>How the B operand is stored.</summary>
internal enum GemmBSource
{
    /// <summary>op(B)[p,j] = B[p·ldb + j].</summary>
    RowMajor,
    /// <summary>op(B)[p,j] = B[j·ldb + p].</summary>
    Transposed,
    /// <summary>B is already a <see cref="PackedMatrix"/> (k × n) in the packed layout: used in place.</summary>
    Packed,
    /// <summary>op(B) = Pᵀ for a <see cref="PackedMatrix"/> P (n × k): packed by 32×32 block transposes.</summary>
    PackedTransposed,
}

/// <summary>
/// One GEMM call: the blocking loops around the micro-kernel (BLIS's five loops; the macro-kernel is loops 2
/// and 1) and the split of the output between the compute threads. Chunks are whole 32-column panels or whole
/// MR-row tiles, and every output element is summed in the same order (k blocks of
/// <see cref="GemmPaths.BlockDepth"/> in sequence, k ascending inside a block) whichever chunk holds it and
/// whichever thread runs that chunk, so every thread count gives bit-identical results.
/// </summary>
internal sealed unsafe class GemmDriver : IComputeJob
{
    /// <summary>
    /// Up to this many rows, row-major B is read in place (stride ldb) instead of packed: at batch 10 packing the
    /// whole 4 MB weight matrix per call is what halves OpenBLAS (92 vs 58 GFLOP/s,
    /// docs/BENCHMARKS.md "Design measurements").
    /// </summary>
    public const int DirectBMaxRows = 32;

    /// <summary>
    /// Below this many multiply-adds (64³: a few microseconds on one core, the order of waking a blocked
    /// worker) a hand-off costs more than it saves.
    /// </summary>
    public const long ParallelMinWork = 64 * 64 * 64;

    /// <summary>Chunks per thread at most: spare chunks let the running threads absorb a late worker's share.</summary>
    private const int MaxChunksPerThread = 4;

    [ThreadStatic] private static GemmDriver? _cached;

    private GemmPath _path;
    private int _mr, _nr;
    private int _m, _n, _k;
    private float _alpha, _beta;
    private float* _a, _b, _c, _bias;
    private nint _lda, _ldb, _ldc, _bPanelStride, _cPanelStride;
    private bool _transA;
    private GemmBSource _bSource;
    private bool _splitColumns;
    private int _units, _unitSize, _chunks, _nextChunk;

    /// <summary>
    /// C = α·op(A)·op(B) + β·C + bias, op(A) m × k, op(B) k × n, C m × n at element (i, j) =
    /// c[(j / 32)·cPanelStride + i·ldc + j % 32] (cPanelStride = 32 for row-major C, rows·32 for a
    /// <see cref="PackedMatrix"/>). bias is null or n floats added to every row. Runs on up to
    /// <paramref name="threads"/> compute threads (the caller's <see cref="ComputePool"/>).
    /// </summary>
    public static void Run(GemmPath path, int threads, bool transA, int m, int n, int k, float alpha,
        float* a, nint lda, GemmBSource bSource, float* b, nint ldb, nint bPanelStride,
        float beta, float* c, nint ldc, nint cPanelStride, float* bias)
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0f)
        {
            ScaleOnly(m, n, beta, c, ldc, cPanelStride, bias);
            return;
        }
        var job = _cached ?? new GemmDriver();
        _cached = null; // re-entrant use (a job calling a GEMM) gets its own instance
        job._path = path == GemmPath.Auto ? GemmPaths.Best : path;
        job._mr = GemmPaths.Mr(job._path);
        job._nr = GemmPaths.Nr(job._path);
        (job._m, job._n, job._k, job._alpha, job._beta) = (m, n, k, alpha, beta);
        job._a = a;
        job._lda = lda;
        job._transA = transA;
        job._bSource = bSource;
        job._b = b;
        job._ldb = ldb;
        job._bPanelStride = bPanelStride;
        job._c = c;
        job._ldc = ldc;
        job._cPanelStride = cPanelStride;
        job._bias = bias;
        threads = ComputePool.Participants(threads);
        try
        {
            if (threads >= 2 && (long)m * n * k >= ParallelMinWork && job.ChooseSplit(threads)
                && ComputePool.ForCurrentThread(Math.Min(threads, job._chunks)) is { } pool)
                pool.Run(job, Math.Min(threads, job._chunks));
            else
                job.RunBlock(0, m, 0, n);
        }
        finally
        {
            job._a = job._b = job._c = job._bias = null;
            _cached = job;
        }
    }

    /// <summary>Claims chunks of C (column panels or row tiles) until none is left; every thread runs this.</summary>
    public void Run()
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < _chunks)
        {
            // Chunk c covers units [c·U/C, (c+1)·U/C): panels of 32 columns or tiles of MR rows, so every tile
            // is the same as with one thread.
            int u0 = (int)((long)chunk * _units / _chunks), u1 = (int)((long)(chunk + 1) * _units / _chunks);
            if (_splitColumns) RunBlock(0, _m, u0 * _unitSize, Math.Min(_n, u1 * _unitSize));
            else RunBlock(u0 * _unitSize, Math.Min(_m, u1 * _unitSize), 0, _n);
        }
    }

    // Cut C into chunks for the T threads to claim, along whichever side duplicates less packing: every
    // column chunk packs all of A (m·k floats), every row chunk all of B (k·n); a packed B is never packed, so
    // columns. More chunks than threads let the running threads finish a late worker's share (a shared or
    // oversubscribed machine), at the price of one more duplicate pack each: about 8 multiply-adds per packed
    // float, and the count is held to 3 % of the work (T + 0.03·m·n·k / (8·duplicate)), at most 4T. Only the
    // speed depends on T: chunk borders fall on panel or tile borders, so the bits never do.
    private bool ChooseSplit(int threads)
    {
        var panels = (_n + GemmPacking.PanelWidth - 1) / GemmPacking.PanelWidth;
        var rowTiles = (_m + _mr - 1) / _mr;
        var preferColumns = _bSource == GemmBSource.Packed || _m <= _n;
        long work = (long)_m * _n * _k, duplicate;
        if (panels >= 2 && (preferColumns || rowTiles < 2))
            (_splitColumns, _units, _unitSize, duplicate) = (true, panels, GemmPacking.PanelWidth, (long)_m * _k);
        else if (rowTiles >= 2)
            (_splitColumns, _units, _unitSize, duplicate) = (false, rowTiles, _mr, (long)_k * _n);
        else
            return false;
        // A multiple of T, so threads that all stay on their cores finish together (5 chunks on 2 threads
        // would leave one thread 3 of them: a speed-up of 1.67 at best).
        var affordable = threads + 0.03 * work / (8.0 * Math.Max(1, duplicate));
        var perThread = (int)Math.Min(affordable / threads, MaxChunksPerThread);
        _chunks = Math.Min(perThread * threads, _units);
        _nextChunk = 0;
        return true;
    }

    // Loops 5 (jc), 4 (pc) and 3 (ic) around the micro-kernel over C[i0..i1, j0..j1].
    private void RunBlock(int i0, int i1, int j0, int j1)
    {
        const int w = GemmPacking.PanelWidth;
        var aBuffer = GemmScratch.ForA(GemmPaths.Mc * GemmPaths.Kc);
        float* aPack = aBuffer.Pointer;
        var direct = _bSource == GemmBSource.RowMajor && i1 - i0 <= DirectBMaxRows;
        var kBlock = GemmPaths.BlockDepth(_k);
        var needsBPack = _bSource != GemmBSource.Packed;
        var bBuffer = needsBPack
            ? GemmScratch.ForB(GemmPaths.Kc * (direct ? w : Math.Min(GemmPaths.Nc, j1 - j0 + w - 1) / w * w))
            : null;
        for (var jc = j0; jc < j1; jc += GemmPaths.Nc)                 // 5th loop: NC columns (one block for our layers)
        {
            var nc = Math.Min(GemmPaths.Nc, j1 - jc);
            var panels = (nc + w - 1) / w;
            for (var pc = 0; pc < _k; pc += kBlock)                    // 4th loop: KC-deep rank updates, in order
            {
                var kc = Math.Min(kBlock, _k - pc);
                float* bBlock, bTail = null;
                nint bPanelStride = (nint)kc * w, bRowStride = w;
                switch (_bSource)
                {
                    case GemmBSource.RowMajor when direct:
                        bBlock = _b + pc * _ldb + jc;
                        (bPanelStride, bRowStride) = (w, _ldb);
                        if (nc % w != 0)
                        {
                            // The last, partial panel is packed (zero padded) so no read runs past B.
                            bTail = bBuffer!.Pointer;
                            GemmPacking.PackB(bBlock + (panels - 1) * w, _ldb, kc, nc % w, bTail);
                        }
                        break;
                    case GemmBSource.RowMajor:
                        bBlock = bBuffer!.Pointer;
                        GemmPacking.PackB(_b + pc * _ldb + jc, _ldb, kc, nc, bBlock);
                        break;
                    case GemmBSource.Transposed:
                        bBlock = bBuffer!.Pointer;
                        GemmPacking.PackBTransposed(_b + jc * _ldb + pc, _ldb, kc, nc, bBlock);
                        break;
                    case GemmBSource.Packed:
                        bBlock = _b + (jc / w) * _bPanelStride + pc * w;
                        bPanelStride = _bPanelStride;
                        break;
                    default:
                        bBlock = bBuffer!.Pointer;
                        GemmPacking.PackBFromPackedTransposed(_b, _bPanelStride, pc, jc, kc, nc, bBlock);
                        break;
                }
                // β and the bias apply once, in the first k block; later blocks accumulate onto C.
                var beta = pc == 0 ? _beta : 1f;
                float* bias = pc == 0 && _bias != null ? _bias + jc : null;
                for (var ic = i0; ic < i1; ic += GemmPaths.Mc)         // 3rd loop: MC rows of A, packed into L2
                {
                    var mc = Math.Min(GemmPaths.Mc, i1 - ic);
                    if (_transA) GemmPacking.PackATransposed(_a + pc * _lda + ic, _lda, mc, kc, _mr, aPack);
                    else GemmPacking.PackA(_a + ic * _lda + pc, _lda, mc, kc, _mr, aPack);
                    float* cBlock = _c + (jc / w) * _cPanelStride + ic * _ldc;
                    // Packed weights are read in place, so their tiles stream from memory when they exceed
                    // the caches: the first row tile of each panel prefetches ahead, on into the next panel and
                    // the next k block (WeightPrefetch).
                    var streamB = _bSource == GemmBSource.Packed && ic == i0;
                    float* nextBlock = streamB && pc + kc < _k ? bBlock + (nint)kc * w : null;
                    MacroKernel(mc, nc, kc, aPack, bBlock, bPanelStride, bRowStride, bTail, cBlock, beta, bias, streamB,
                        nextBlock);
                }
            }
        }
        aBuffer.KeepAlive();
        bBuffer?.KeepAlive();
    }

    // Loops 2 (jr, over B panels and the kernel's column strips inside them) and 1 (ir, over A panels).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MacroKernel(int mc, int nc, int kc, float* aPack, float* bBlock, nint bPanelStride,
        nint bRowStride, float* bTail, float* cBlock, float beta, float* bias, bool streamB, float* nextBlock)
    {
        const int w = GemmPacking.PanelWidth;
        var panels = (nc + w - 1) / w;
        for (var q = 0; q < panels; q++)
        {
            var tail = bTail != null && q == panels - 1;
            float* bp = tail ? bTail : bBlock + q * bPanelStride;
            var ldb = tail ? w : bRowStride;
            var cols = Math.Min(w, nc - q * w);
            float* cq = cBlock + q * _cPanelStride;
            float* biasQ = bias != null ? bias + q * w : null;
            for (var h = 0; h < cols; h += _nr)
            {
                var hc = Math.Min(_nr, cols - h);
                for (var ir = 0; ir < mc; ir += _mr)
                {
                    var rows = Math.Min(_mr, mc - ir);
                    float* next = !streamB || ir != 0 || h != 0 ? null
                        : q + 1 < panels ? bBlock + (q + 1) * bPanelStride : nextBlock;
                    GemmPaths.Tile(_path, rows, kc, aPack + ir * kc, bp + h, ldb, cq + h + ir * _ldc, _ldc,
                        _alpha, beta, biasQ != null ? biasQ + h : null, hc, next);
                }
            }
        }
    }

    private static void ScaleOnly(int m, int n, float beta, float* c, nint ldc, nint cPanelStride, float* bias)
    {
        const int w = GemmPacking.PanelWidth;
        for (var j = 0; j < n; j += w)
            GemmEpilogue.ScaleOnly(m, Math.Min(w, n - j), beta, c + (j / w) * cPanelStride, ldc,
                bias != null ? bias + j : null);
    }
}
