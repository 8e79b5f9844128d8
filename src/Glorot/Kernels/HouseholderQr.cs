using System.Numerics.Tensors;

namespace Glorot.Kernels;

/// <summary>
/// The orthonormal factor of a tall matrix by blocked Householder QR in float (LAPACK sgeqrf + sorgqr): panels of
/// <see cref="BlockSize"/> columns are factored by <see cref="HouseholderPanel"/>, their reflectors combined into
/// the compact WY form H_1⋯H_b = I − V·T·Vᵀ (Schreiber &amp; Van Loan 1989; LAPACK slarft), and applied to the rest
/// of the matrix by two GEMMs with the engine's kernels (<see cref="Gemm"/>): the level-3 share of the flops
/// grows to 1 − O(b/n). Q is then built by applying the blocks in reverse to [I; 0]. The GEMMs give the same bits
/// for any thread count and the rest runs on one thread, so Q does too.
/// </summary>
internal static class HouseholderQr
{
    /// <summary>
    /// Columns per panel: the depth of the rank-b trailing update. At 64 that GEMM has a depth it runs well at,
    /// while the unblocked panel (2·m·b flops per column, level 2) is about b/n of the QR's flops: 3 % at 2048².
    /// Not tuned: 32 and 64 measured within the noise of the loaded machine (docs/BENCHMARKS.md, "Linear algebra").
    /// </summary>
    public const int BlockSize = 64;

    /// <summary>
    /// at: Aᵀ (n × m row-major, n ≤ m), destroyed. Writes Qᵀ (n × m) of A = Q·R to qt, with each column of Q
    /// multiplied by sign(R_jj) so that R has a positive diagonal (the Q that is Haar-distributed when A is
    /// Gaussian; Mezzadri 2007).
    /// </summary>
    public static void OrthonormalFactor(float[] at, int n, int m, float[] qt)
    {
        if (n > m) throw new ArgumentException($"QR of a wide matrix ({m} × {n}): pass the transpose.");
        if (at.Length < n * m || qt.Length < n * m) throw new ArgumentException($"at and qt must hold {n}×{m}.");
        var taus = new float[n];
        var blocks = new List<float[]>();
        var vt = new float[Math.Min(BlockSize, n) * m];
        var work = new float[Math.Min(BlockSize, n) * n];
        for (int j0 = 0; j0 < n; j0 += BlockSize)
        {
            int b = Math.Min(BlockSize, n - j0), depth = m - j0, rest = n - j0 - b;
            HouseholderPanel.Factor(at, m, j0, b, taus);
            Reflectors(at, m, j0, b, vt);
            var t = Triangle(vt, b, depth, taus.AsSpan(j0, b));
            blocks.Add(t);
            if (rest == 0) continue;
            // A₂ ← (I − V·T·Vᵀ)ᵀ·A₂, stored transposed: W = Vᵀ·A₂ (b × rest), W ← Tᵀ·W, A₂ᵀ −= Wᵀ·Vᵀ.
            var trailing = at.AsSpan((j0 + b) * m + j0);
            Gemm.Multiply(false, true, b, rest, depth, 1f, vt, depth, trailing, m, 0f, work, rest);
            TransposedTriangleTimes(t, b, work, rest);
            Gemm.Multiply(true, false, rest, depth, b, -1f, work, rest, vt, depth, 1f, trailing, m);
        }
        // Qᵀ = [I 0]·H_nᵀ⋯H_1ᵀ, block by block from the last: only Qᵀ[j0…, j0…] changes at block j0 (sorgqr).
        Array.Clear(qt, 0, n * m);
        for (int i = 0; i < n; i++) qt[i * m + i] = 1;
        var x = new float[n * Math.Min(BlockSize, n)];
        for (int block = blocks.Count - 1; block >= 0; block--)
        {
            int j0 = block * BlockSize, b = Math.Min(BlockSize, n - j0), depth = m - j0, rows = n - j0;
            Reflectors(at, m, j0, b, vt);
            // Qᵀ₂ ← Qᵀ₂·(I − V·T·Vᵀ)ᵀ = Qᵀ₂ − ((Qᵀ₂·V)·Tᵀ)·Vᵀ.
            var q = qt.AsSpan(j0 * m + j0);
            Gemm.Multiply(false, true, rows, b, depth, 1f, q, m, vt, depth, 0f, x, b);
            TimesUpperTransposed(x, rows, blocks[block], b);
            Gemm.Multiply(false, false, rows, depth, b, -1f, x, b, vt, depth, 1f, q, m);
        }
        for (int j = 0; j < n; j++)
            if (at[j * m + j] < 0) TensorPrimitives.Negate(qt.AsSpan(j * m, m), qt.AsSpan(j * m, m));
    }

    // Vᵀ of the panel at j0 (b × depth, depth = m − j0): row i is (0…0, 1, v_i) with the 1 at column i.
    private static void Reflectors(float[] at, int m, int j0, int b, float[] vt)
    {
        int depth = m - j0;
        for (int i = 0; i < b; i++)
        {
            var row = vt.AsSpan(i * depth, depth);
            row[..i].Clear();
            row[i] = 1;
            at.AsSpan((j0 + i) * m + j0 + i + 1, depth - i - 1).CopyTo(row[(i + 1)..]);
        }
    }

    // LAPACK slarft (forward, columnwise): the upper triangular T (b × b) with H_1⋯H_b = I − V·T·Vᵀ, from
    // T_ii = τ_i and T[0…i, i] = −τ_i·T[0…i, 0…i]·(V[:, 0…i]ᵀ·v_i). Vᵀ·V by the GEMM, the recursion in double.
    private static float[] Triangle(float[] vt, int b, int depth, ReadOnlySpan<float> taus)
    {
        var gram = new float[b * b];
        Gemm.Multiply(false, true, b, b, depth, 1f, vt, depth, vt, depth, 0f, gram, b);
        var t = new double[b * b];
        var column = new double[b];
        for (int i = 0; i < b; i++)
        {
            for (int k = 0; k < i; k++) column[k] = -taus[i] * gram[k * b + i];
            for (int r = 0; r < i; r++)
            {
                double sum = 0;
                for (int k = r; k < i; k++) sum += t[r * b + k] * column[k];
                t[r * b + i] = sum;
            }
            t[i * b + i] = taus[i];
        }
        var result = new float[b * b];
        for (int i = 0; i < t.Length; i++) result[i] = (float)t[i];
        return result;
    }

    // W ← Tᵀ·W for upper triangular T (b × b) and W (b × cols): row i of the result is Σ_{k ≤ i} T_ki·W_k, so
    // rows are done from the last, each reading only rows not yet overwritten.
    private static void TransposedTriangleTimes(float[] t, int b, float[] w, int cols)
    {
        for (int i = b - 1; i >= 0; i--)
        {
            var row = w.AsSpan(i * cols, cols);
            TensorPrimitives.Multiply(row, t[i * b + i], row);
            for (int k = 0; k < i; k++)
                TensorPrimitives.MultiplyAdd(w.AsSpan(k * cols, cols), t[k * b + i], row, row);
        }
    }

    // X ← X·Tᵀ for X (rows × b) and upper triangular T: X'_ri = Σ_{k ≥ i} X_rk·T_ik, columns in ascending order
    // so that each reads only entries not yet overwritten.
    private static void TimesUpperTransposed(float[] x, int rows, float[] t, int b)
    {
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * b, b);
            for (int i = 0; i < b; i++)
            {
                float sum = 0;
                for (int k = i; k < b; k++) sum += row[k] * t[i * b + k];
                row[i] = sum;
            }
        }
    }
}
