using System.Buffers;
using Glorot.Kernels;

namespace Glorot.Probes;

/// <summary>
/// Singular values of a layer's Jacobian J = ∂z_out/∂z_in = diag(f′(s))·W (out × in) for one example
/// (Glorot &amp; Bengio 2010 eq. 17, §4.2.2: mean singular value ≈ 0.8 normalized vs ≈ 0.5 standard init).
/// </summary>
/// <remarks>
/// σ_i(J) = √λ_i(G) with G = J·Jᵀ (or Jᵀ·J, whichever is smaller), all in double precision: G by blocked dot
/// products (products of the float entries of J are exact in double), then Householder tridiagonalization and
/// implicit QL for the eigenvalues (docs/PROBES.md, "Jacobian spectra"). The eigenvalues carry an absolute error
/// of c·ε_double·σ_max² (backward stability bounds c by a small multiple of n; against numpy c ≤ 80 at n = 1000),
/// so σ_i has a relative error of about ½·c·ε·(σ_max/σ_i)²:
/// below 1e-4 for every σ_i above ≈ 1e-5·σ_max at n = 1000. Negative rounding residues of λ are clamped to 0.
/// Cost: ½·min(out,in)²·max(out,in) multiply-adds for G (one triangle) plus (4/3)·min³ flops for the reduction;
/// the result depends on the vector path (the order of the sums) but not on the thread count.
/// </remarks>
public static class JacobianSpectrum
{
    /// <summary>
    /// w: (rows × cols) row-major W; slopes: (rows) f′(s) of one example. Returns the singular values of
    /// diag(slopes)·W, descending (min(rows, cols) of them).
    /// </summary>
    public static double[] SingularValues(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> slopes)
    {
        if (rows <= 0 || cols <= 0) throw new ArgumentOutOfRangeException(nameof(rows), "The matrix must be non-empty.");
        if (w.Length != rows * cols) throw new ArgumentException($"W holds {w.Length} values, not {rows}×{cols}.", nameof(w));
        if (slopes.Length != rows) throw new ArgumentException($"{slopes.Length} slopes for {rows} rows.", nameof(slopes));
        // X holds the n = min(rows, cols) vectors whose Gram matrix is taken, each along the long side: the rows
        // of J when rows ≤ cols (G = J·Jᵀ), its columns otherwise (G = Jᵀ·J); padded to whole blocks of four.
        int n = Math.Min(rows, cols), length = Math.Max(rows, cols);
        // Two 8 MB buffers at 1000 × 1000: rented, because fresh large arrays cost page faults and LOH
        // collections on every call of a probe that decomposes one layer after another.
        var x = ArrayPool<double>.Shared.Rent((n + 3) / 4 * 4 * length);
        var gram = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            x.AsSpan(n * length, ((n + 3) / 4 * 4 - n) * length).Clear();
            for (int r = 0; r < rows; r++)
            {
                double slope = slopes[r];
                var row = w.Slice(r * cols, cols);
                if (rows <= cols) for (int c = 0; c < cols; c++) x[r * length + c] = slope * row[c];
                else for (int c = 0; c < cols; c++) x[c * length + r] = slope * row[c];
            }
            var path = Gemm.Path;
            int threads = Compute.Threads;
            GramMatrix.Compute(x, n, length, gram, path, threads);
            var eigenvalues = new double[n];
            var offDiagonal = new double[Math.Max(n - 1, 0)];
            HouseholderTridiagonal.Reduce(gram, n, eigenvalues, offDiagonal, path, threads);
            TridiagonalEigenvalues.Solve(eigenvalues, offDiagonal, n);
            var values = new double[n];
            for (int i = 0; i < n; i++) values[i] = Math.Sqrt(Math.Max(eigenvalues[n - 1 - i], 0));
            return values;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(x);
            ArrayPool<double>.Shared.Return(gram);
        }
    }

    /// <summary>Mean of <see cref="SingularValues"/>.</summary>
    public static double MeanSingularValue(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> slopes) =>
        SingularValues(w, rows, cols, slopes).Average();
}
