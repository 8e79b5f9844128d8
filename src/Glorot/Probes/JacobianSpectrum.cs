using Glorot.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Probes;

/// <summary>
/// Singular values of a layer's Jacobian J = ∂z_out/∂z_in = diag(f′(s))·W (out × in) for one example
/// (Glorot &amp; Bengio 2010 eq. 17, §4.2.2: mean singular value ≈ 0.8 normalized vs ≈ 0.5 standard init).
/// </summary>
/// <remarks>
/// σ_i(J) = √λ_i(G) with G = J·Jᵀ (or Jᵀ·J, whichever is smaller), G formed by the float GEMM and decomposed by
/// MathNet's symmetric eigen-solver in double. Squaring loses relative accuracy only on singular values below
/// ≈ √ε_float·σ_max ≈ 3e-4·σ_max, whose contribution to the mean is at most that; negative rounding residues of
/// λ are clamped to 0. Cost: min(out,in)²·max(out,in) flops for G plus O(min³) for the eigen-decomposition.
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
        var j = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            var row = j.AsSpan(r * cols, cols);
            w.Slice(r * cols, cols).CopyTo(row);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, slopes[r], row);
        }
        int n = Math.Min(rows, cols);
        var gram = new float[n * n];
        if (rows <= cols) Gemm.Multiply(false, true, n, n, cols, 1f, j, cols, j, cols, 0f, gram, n);   // J·Jᵀ
        else Gemm.Multiply(true, false, n, n, rows, 1f, j, cols, j, cols, 0f, gram, n);                // Jᵀ·J
        var g = Matrix<double>.Build.Dense(n, n, (r, c) => 0.5 * ((double)gram[r * n + c] + gram[c * n + r]));
        var eigen = g.Evd(Symmetricity.Symmetric).EigenValues;
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = Math.Sqrt(Math.Max(eigen[i].Real, 0));
        Array.Sort(values);
        Array.Reverse(values);
        return values;
    }

    /// <summary>Mean of <see cref="SingularValues"/>.</summary>
    public static double MeanSingularValue(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> slopes) =>
        SingularValues(w, rows, cols, slopes).Average();
}
