namespace Glorot.Kernels;

/// <summary>
/// Reduces a symmetric matrix to tridiagonal form T = Qᵀ·A·Q by Householder reflectors in double precision
/// (Golub &amp; Van Loan, Matrix Computations, 4th ed., Algorithm 8.3.1; LAPACK dsytd2), eigenvalues only: Q is
/// not accumulated, and only the lower triangle is read or written. Each step's rank-2 update
/// A ← A − v·wᵀ − w·vᵀ is applied lazily, fused with the next step's product A·v′ in one sweep over the trailing
/// rows (<see cref="DoubleVectorOps.UpdateDotScatter"/>), so the trailing triangle is read and written once per
/// step. The sweep's rows go in fixed chunks, each with its own partial sums for the mirrored half of A·v′,
/// added in chunk order: the bits are the same for any thread count.
/// </summary>
internal static unsafe class HouseholderTridiagonal
{
    // Rows per chunk of the sweep: enough to amortize claiming a chunk and its partial vector, small enough
    // that two threads end within a chunk of each other.
    private const int RowsPerChunk = 16;

    // Below this many trailing rows a sweep (≤ 256²/2 entries, a few microseconds) runs on the caller alone:
    // handing it to a worker costs about as much as it saves.
    private const int ParallelRows = 256;

    /// <summary>
    /// a: (n × n) symmetric, row-major, lower triangle read (both may be given; the lower one is destroyed).
    /// Writes the diagonal of T to d (n) and its sub-diagonal to e (n − 1); T has the eigenvalues of A.
    /// </summary>
    public static void Reduce(double[] a, int n, double[] d, double[] e, GemmPath path, int threads)
    {
        if (a.Length < n * n || d.Length < n || e.Length < Math.Max(n - 1, 0))
            throw new ArgumentException($"a must hold {n}×{n}, d {n} and e {n - 1} values.");
        // The pending update (vPrev, wPrev) of the last step, applied lazily; zero at the start.
        var vPrev = new double[n];
        var wPrev = new double[n];
        var v = new double[n];
        var p = new double[n];
        var partials = new double[((n + RowsPerChunk - 1) / RowsPerChunk) * n];
        // Column c of the trailing triangle, contiguous: gathered once for c = 0, then copied out of each sweep
        // (which already streams every row) instead of read with a stride of n doubles, a cache miss per entry.
        var column = new double[n];
        var next = new double[n];
        for (int j = 0; j < n; j++) column[j] = a[j * n];
        for (int c = 0; c < n; c++)
        {
            // Column c (rows ≥ c) still owes the last step's update. Its entries below the diagonal are x, the
            // vector the next reflector zeroes.
            for (int j = c; j < n; j++) column[j] -= vPrev[j] * wPrev[c] + wPrev[j] * vPrev[c];
            d[c] = column[c];
            if (c == n - 1) break;
            e[c] = Reflector(column, n, c, v, out double tau);
            Sweep(a, n, c, vPrev, wPrev, v, p, partials, next, path, threads);
            (column, next) = (next, column);
            // p = τ·A·v, w = p − (τ/2)(pᵀv)·v (dsytd2), so that H·A·H = A − v·wᵀ − w·vᵀ.
            double pv = 0;
            for (int i = c + 1; i < n; i++)
            {
                p[i] *= tau;
                pv += p[i] * v[i];
            }
            double half = 0.5 * tau * pv;
            (vPrev, v) = (v, vPrev);
            for (int i = c + 1; i < n; i++) wPrev[i] = p[i] - half * vPrev[i];
        }
    }

    // LAPACK dlarfg on x = column[c+1…n) = A[c+1…n−1, c]: H·x = β·e₁ with H = I − τ·v·vᵀ, v₀ = 1; β = −sign(x₀)·‖x‖ (the sign
    // avoids cancellation in x₀ − β). v[c+1…n) receives the reflector; τ = 0 (H = I) when x is already β·e₁.
    // The entries here are Gram-matrix entries of a layer, far from overflow, so ‖x‖ needs no scaling.
    private static double Reflector(double[] column, int n, int c, double[] v, out double tau)
    {
        double alpha = column[c + 1], tail = 0;
        for (int j = c + 2; j < n; j++) tail += column[j] * column[j];
        v[c + 1] = 1;
        if (tail == 0)
        {
            for (int j = c + 2; j < n; j++) v[j] = 0;
            tau = 0;
            return alpha;
        }
        double beta = -Math.CopySign(Math.Sqrt(alpha * alpha + tail), alpha);
        tau = (beta - alpha) / beta;
        double scale = 1 / (alpha - beta);
        for (int j = c + 2; j < n; j++) v[j] = column[j] * scale;
        return beta;
    }

    // Rows i = c+1 … n−1 on columns [c+1, i]: apply the pending update, then A·v (without τ) into p, and copy
    // A[i, c+1] (the next step's column, short of that step's own update) into next. Row i's
    // strictly-lower entries give p_i its share Σ_{j<i} A_ij·v_j and give each p_j (j < i) the mirrored A_ij·v_i,
    // collected in the chunk's own partial vector and added afterwards, chunk by chunk in order.
    private static void Sweep(double[] a, int n, int c, double[] vPrev, double[] wPrev, double[] v, double[] p,
        double[] partials, double[] next, GemmPath path, int threads)
    {
        int first = c + 1, length = n - first;
        ParallelRange.Run(length, RowsPerChunk, length < ParallelRows ? 1 : threads, (start, count) =>
        {
            fixed (double* pa = a, pvp = vPrev, pwp = wPrev, pv = v, pq = partials)
            {
                double* q = pq + start / RowsPerChunk * n;
                int last = first + (int)(start + count) - 1;
                new Span<double>(q + first, last - first + 1).Clear();
                for (int i = first + (int)start; i <= last; i++)
                {
                    double* row = pa + (nint)i * n;
                    int below = i - first;
                    double dot = DoubleVectorOps.UpdateDotScatter(path, row + first, pvp + first, pwp + first,
                        pvp[i], pwp[i], pv + first, q + first, pv[i], below);
                    double diagonal = row[i] - pvp[i] * pwp[i] - pwp[i] * pvp[i];
                    row[i] = diagonal;
                    p[i] = dot + diagonal * pv[i];
                    next[i] = row[first];
                }
            }
        });
        for (int i = first; i < n; i++)
        {
            double sum = p[i];
            for (long chunk = (i - first) / RowsPerChunk; chunk * RowsPerChunk < length; chunk++)
                sum += partials[chunk * n + i];
            p[i] = sum;
        }
    }
}
