namespace Glorot.Kernels;

/// <summary>
/// One pass over a layer's packed Wᵀ (in × out) for its backward step: dX = dS·W with the weights before the
/// update, as SGD requires, then the update of the same weights, block by block of
/// <see cref="BlockRows"/> input units (rows of Wᵀ; <see cref="PackedRouteBlockRows"/> off the dot route). A
/// block's rows (32 × out floats, 125 KiB at 1000 wide) are read for dX and read again for the update while still
/// in L2, then written once; the unfused step reads W from memory twice (docs/BENCHMARKS.md "Fused backward
/// step").
/// <para>Bit-identical to the unfused step: each block runs the same drivers and micro-kernels on a
/// 32-aligned slice. Every dX element is a sum over the output units and every weight element a sum over the
/// batch, in the order the full products use (k blocks depend on k only; the micro-kernels treat every row and
/// column of a tile alike), and the element-wise momentum steps are per element. Blocks are claimed by the
/// compute threads, each writing its own columns of dX and its own rows of W, so the thread count never
/// changes a bit either.</para>
/// </summary>
internal sealed unsafe class FusedBackwardStep : IComputeJob
{
    /// <summary>
    /// Input units per block on the dot route (a vector path, batch ≤ 32): one 32-float panel row wide, so blocks start
    /// on panel borders (the dX columns tile exactly as in the full product) and one block of a 1000-wide layer
    /// (125 KiB) sits in L2 between its two uses with room for dS.
    /// </summary>
    public const int BlockRows = GemmPacking.PanelWidth;

    /// <summary>
    /// Input units per block on the packed route (larger batches, or the portable path): that route packs dS (B × out)
    /// again for every block, so blocks are 4× larger to keep that copy at a few per cent of the block's
    /// multiply-adds; 128 rows of a 1000-wide layer are 500 KiB, still within a 1 MiB L2. Any multiple of 32
    /// gives the same bits.
    /// </summary>
    public const int PackedRouteBlockRows = 4 * GemmPacking.PanelWidth;

    [ThreadStatic] private static FusedBackwardStep? _cached;

    private GemmPath _path;
    private int _batch, _fanIn, _fanOut, _blockRows, _blocks, _claim, _nextBlock;
    private float* _ds, _x, _dx, _w, _target, _velocity;
    private nint _panelStride;
    private FusedStepParameters _step;
    private bool _dotRoute;
    private AlignedBuffer? _paddedDs; // dS padded once per call for the dot route, shared read-only by all threads

    /// <summary>
    /// ds: (B × out); x: (B × in), the layer input; wt: Wᵀ (in × out), packed; dx: (B × in), or empty for the
    /// first layer (no data gradient). Computes dx = ds·W from the weights as they are on entry, then applies
    /// <paramref name="step"/> to them, on <paramref name="threads"/> compute threads.
    /// </summary>
    public static void Run(GemmPath path, int threads, int batch, ReadOnlySpan<float> ds, ReadOnlySpan<float> x,
        PackedMatrix wt, Span<float> dx, in FusedStepParameters step)
    {
        int fanIn = wt.Rows, fanOut = wt.Cols;
        GemmArguments.CheckMatrix(ds.Length, batch, fanOut, fanOut, nameof(ds));
        GemmArguments.CheckMatrix(x.Length, batch, fanIn, fanIn, nameof(x));
        if (!dx.IsEmpty) GemmArguments.CheckMatrix(dx.Length, batch, fanIn, fanIn, nameof(dx));
        var target = step.Rule == FusedStepRule.InPlace ? wt : step.Gradient
            ?? throw new ArgumentException("A momentum rule needs the gradient buffer.", nameof(step));
        if (step.Rule != FusedStepRule.InPlace && step.Velocity is null)
            throw new ArgumentException("A momentum rule needs the velocity buffer.", nameof(step));
        if (target.Rows != fanIn || target.Cols != fanOut || (step.Velocity is { } v && (v.Rows != fanIn || v.Cols != fanOut)))
            throw new ArgumentException("The gradient and velocity buffers must have the shape of Wᵀ.", nameof(step));
        if (batch == 0 || fanIn == 0 || fanOut == 0) return;
        var job = _cached ?? new FusedBackwardStep();
        _cached = null;
        fixed (float* pds = ds, px = x, pdx = dx)
        {
            job._path = path == GemmPath.Auto ? GemmPaths.Best : path;
            (job._batch, job._fanIn, job._fanOut) = (batch, fanIn, fanOut);
            job._ds = pds;
            job._x = px;
            job._dx = dx.IsEmpty ? null : pdx;
            job._w = wt.Data;
            job._target = target.Data;
            job._velocity = step.Velocity is { } vel ? vel.Data : null;
            job._panelStride = wt.PanelStride;
            job._step = step;
            job._dotRoute = !dx.IsEmpty && GemmDotDriver.Applies(job._path, batch, fanOut);
            job._blockRows = job._dotRoute ? BlockRows : PackedRouteBlockRows;
            job._blocks = (fanIn + job._blockRows - 1) / job._blockRows;
            if (job._dotRoute)
            {
                long length = (long)batch * GemmDotDriver.PaddedDepth(fanOut);
                if (job._paddedDs is null || job._paddedDs.Length < length) job._paddedDs = new AlignedBuffer(length);
                GemmDotDriver.PadA(batch, fanOut, pds, fanOut, job._paddedDs.Pointer);
            }
            job._nextBlock = 0;
            try
            {
                var used = Math.Min(ComputePool.Participants(threads), job._blocks);
                job._claim = ClaimSize(job._blocks, used);
                long work = (long)batch * fanIn * fanOut;
                if (used >= 2 && work >= GemmDriver.ParallelMinWork && ComputePool.ForCurrentThread(used) is { } pool)
                    pool.Run(job, used);
                else
                    job.Run();
            }
            finally
            {
                job._ds = job._x = job._dx = job._w = job._target = job._velocity = null;
                job._step = default;
                _cached = job;
            }
        }
        wt.KeepAlive();
        target.KeepAlive();
        step.Velocity?.KeepAlive();
    }

    /// <summary>
    /// Blocks per claim: each thread's share in two runs of consecutive blocks. Threads that claimed one block at a
    /// time read neighbouring 4 KiB rows of every panel at once, and two threads then ran the step of 1024-2500×5-9
    /// at batch 10 only 1.26× faster than one; in runs of consecutive blocks the fused step of its layers 1–5 ran
    /// 1.6–1.7× faster on two threads than interleaved (docs/BENCHMARKS.md "Fused backward step"). Two runs per
    /// thread, not one, so a thread the scheduler holds back leaves its second run to the others.
    /// </summary>
    internal static int ClaimSize(int blocks, int threads) => Math.Max(1, (blocks + 2 * threads - 1) / (2 * threads));

    /// <summary>Claims runs of consecutive blocks of input units until none is left; every thread runs this.</summary>
    public void Run()
    {
        int first, claim = _claim;
        while ((first = Interlocked.Add(ref _nextBlock, claim) - claim) < _blocks)
            for (var block = first; block < Math.Min(_blocks, first + claim); block++)
                RunBlock(block * _blockRows, Math.Min(_blockRows, _fanIn - block * _blockRows));
    }

    // Rows r0 .. r0 + rows − 1 of Wᵀ: their dX columns first (old weights), then their update.
    private void RunBlock(int r0, int rows)
    {
        const int w = GemmPacking.PanelWidth;
        float* wRows = _w + (nint)r0 * w;
        if (_dx != null)
        {
            // dX[:, r0 .. r0 + rows) = dS·W[:, r0 .. r0 + rows): the routes of Gemm.MultiplyTransposed, one thread.
            if (_dotRoute)
                GemmDotDriver.RunPadded(_path, _batch, r0, r0 + rows, _fanOut, 1f, _paddedDs!.Pointer, _w, w, _panelStride,
                    0f, _dx, _fanIn);
            else
                GemmDriver.Run(_path, 1, false, _batch, rows, _fanOut, 1f, _ds, _fanOut,
                    GemmBSource.PackedTransposed, wRows, 0, _panelStride, 0f, _dx + r0, _fanIn, w, null);
        }
        // target rows ← β·target + α·X[:, rows]ᵀ·dS: Gemm.MultiplyInto restricted to these rows of C.
        float* targetRows = _target + (nint)r0 * w;
        GemmDriver.Run(_path, 1, true, rows, _fanOut, _batch, _step.Alpha, _x + r0, _fanIn, GemmBSource.RowMajor,
            _ds, _fanOut, 0, _step.Beta, targetRows, w, _panelStride, null);
        if (_step.Rule == FusedStepRule.InPlace) return;
        // The element-wise momentum step on the same rows of every panel (zero padding included, as the unfused
        // pass over the whole storage does: its gradient is 0 and it stays 0).
        int length = rows * w, panels = (_fanOut + w - 1) / w;
        for (var q = 0; q < panels; q++)
        {
            nint offset = q * _panelStride + (nint)r0 * w;
            var p = new Span<float>(_w + offset, length);
            var g = new ReadOnlySpan<float>(_target + offset, length);
            var v = new Span<float>(_velocity + offset, length);
            if (_step.Rule == FusedStepRule.Nesterov)
                SgdKernels.NesterovStep(p, g, v, _step.LearningRate, _step.Momentum, _step.WeightDecay);
            else
                SgdKernels.MomentumStep(p, g, v, _step.LearningRate, _step.Momentum, _step.WeightDecay);
        }
    }
}
