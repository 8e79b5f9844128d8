using System.Numerics.Tensors;

namespace Glorot.Kernels;

/// <summary>
/// The panel of the blocked QR (LAPACK sgeqr2 on b columns): unblocked Householder reflectors, column by column.
/// The matrix is stored transposed, Aᵀ (n × m, row-major, ld = m), so that each column of A, and so each
/// reflector, is one contiguous row.
/// </summary>
internal static class HouseholderPanel
{
    /// <summary>
    /// Factors columns j0 … j0+b−1 of A (rows j0 … j0+b−1 of <paramref name="at"/>) from row j0 down. Row j of at
    /// then holds R_jj at column j and the reflector v_j below it (v_j's leading 1 implied), as sgeqrf stores them;
    /// taus[j] = τ_j with H_j = I − τ_j·v_j·v_jᵀ. Columns right of the panel are not touched.
    /// </summary>
    public static void Factor(float[] at, int m, int j0, int b, float[] taus)
    {
        for (int j = j0; j < j0 + b; j++)
        {
            var x = at.AsSpan(j * m + j, m - j);
            taus[j] = Reflector(x);
            if (taus[j] == 0) continue;
            var v = x[1..];
            for (int k = j + 1; k < j0 + b; k++)
            {
                // y ← H·y = y − τ·(vᵀy)·v with v = (1, x[1…]).
                var y = at.AsSpan(k * m + j, m - j);
                float s = taus[j] * (y[0] + TensorPrimitives.Dot(v, y[1..]));
                y[0] -= s;
                TensorPrimitives.MultiplyAdd(v, -s, y[1..], y[1..]);
            }
        }
    }

    // LAPACK slarfg: H·x = β·e₁, β = −sign(x₀)·‖x‖ (the sign avoids cancellation in x₀ − β); x becomes (β, v[1…]).
    // Returns τ (0 when x is already β·e₁). Gaussian draws are far from overflow, so ‖x‖ needs no scaling.
    private static float Reflector(Span<float> x)
    {
        double alpha = x[0], tail = TensorPrimitives.SumOfSquares(x[1..]);
        if (tail == 0) return 0;
        double beta = -Math.CopySign(Math.Sqrt(alpha * alpha + tail), alpha);
        TensorPrimitives.Multiply(x[1..], (float)(1 / (alpha - beta)), x[1..]);
        x[0] = (float)beta;
        return (float)((beta - alpha) / beta);
    }
}
