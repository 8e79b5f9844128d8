namespace Glorot.Kernels;

/// <summary>
/// G = X·Xᵀ in double precision (X: n × length, row-major; G: n × n, both triangles written). The lower
/// triangle is computed in 4 × 2 blocks of dot products (<see cref="DoubleVectorOps.Dots4x2"/>) and mirrored;
/// block rows are claimed by the caller and its <see cref="ComputePool"/> workers, and every entry is one dot
/// product in a fixed order, so the bits depend on the vector path only, never on the thread count.
/// </summary>
internal static unsafe class GramMatrix
{
    /// <summary>
    /// x: (n × length) row-major; g: (n × n) output. Rows are taken in blocks of four, so x must hold
    /// ⌈n/4⌉·4 rows, the extra ones zero.
    /// </summary>
    public static void Compute(double[] x, int n, int length, double[] g, GemmPath path, int threads)
    {
        int blocks = (n + 3) / 4;
        if (x.Length < blocks * 4 * length) throw new ArgumentException($"x must hold {blocks * 4} rows of {length}.", nameof(x));
        if (g.Length < n * n) throw new ArgumentException($"g must hold {n}×{n}.", nameof(g));
        ParallelRange.Run(blocks, 1, threads, (block, count) =>
        {
            for (long b = block; b < block + count; b++) Block(x, n, length, g, path, (int)b * 4);
        });
    }

    private static void Block(double[] x, int n, int length, double[] g, GemmPath path, int i0)
    {
        var dy = stackalloc double[4];
        var dz = stackalloc double[4];
        fixed (double* px = x, pg = g)
        {
            double* rows = px + (nint)i0 * length;
            for (int j0 = 0; j0 < i0 + 4 && j0 < n; j0 += 2)
            {
                double* z = j0 + 1 < n ? px + (nint)(j0 + 1) * length : px + (nint)j0 * length;
                DoubleVectorOps.Dots4x2(path, rows, length, px + (nint)j0 * length, z, length, dy, dz);
                for (int r = 0; r < 4 && i0 + r < n; r++)
                {
                    int i = i0 + r;
                    pg[(nint)i * n + j0] = pg[(nint)j0 * n + i] = dy[r];
                    if (j0 + 1 < n) pg[(nint)i * n + j0 + 1] = pg[(nint)(j0 + 1) * n + i] = dz[r];
                }
            }
        }
    }
}
