namespace Glorot.Kernels;

/// <summary>
/// Eigenvalues of a symmetric tridiagonal matrix by the implicit QL method with Wilkinson's shift (EISPACK
/// tql1; Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.3.5, in its QL form), O(n²) for all of them:
/// each sweep chases a bulge with Givens rotations from the bottom of the unreduced block to its top.
/// </summary>
internal static class TridiagonalEigenvalues
{
    // Sweeps allowed per eigenvalue; the method converges cubically, typically in 2–3 (EISPACK allows 30).
    private const int MaxSweeps = 60;

    // 2⁻⁵³, the unit roundoff of double: an off-diagonal below it relative to its neighbours changes no eigenvalue
    // by more than rounding does.
    private const double HalfUlp = 1.1102230246251565e-16;

    /// <summary>
    /// d: the diagonal (n), replaced by the eigenvalues in ascending order; e: the sub-diagonal (n − 1),
    /// destroyed.
    /// </summary>
    public static void Solve(double[] d, double[] e, int n)
    {
        if (n == 0) return;
        var off = new double[n];                  // off[i] couples i and i+1; off[n−1] = 0 closes the matrix
        Array.Copy(e, off, n - 1);
        for (int l = 0; l < n; l++)
        {
            for (int sweep = 0; ; sweep++)
            {
                int m = l;
                // Split where an off-diagonal is negligible beside its two diagonal neighbours.
                for (; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(off[m]) <= double.Epsilon || Math.Abs(off[m]) <= HalfUlp * dd) break;
                }
                if (m == l) break;
                if (sweep == MaxSweeps)
                    throw new ArithmeticException($"The tridiagonal QL iteration did not converge for eigenvalue {l}.");
                // Wilkinson's shift: the eigenvalue of the leading 2 × 2 block nearer d[l].
                double g = (d[l + 1] - d[l]) / (2 * off[l]);
                double r = Hypot(g, 1);
                g = d[m] - d[l] + off[l] / (g + Math.CopySign(r, g));
                double s = 1, c = 1, p = 0;
                int i = m - 1;
                bool deflated = false;
                for (; i >= l; i--)
                {
                    double f = s * off[i], b = c * off[i];
                    r = Hypot(f, g);
                    off[i + 1] = r;
                    if (r == 0)
                    {
                        // An exact zero from underflow: the block splits here; undo the shift and restart.
                        d[i + 1] -= p;
                        off[m] = 0;
                        deflated = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                }
                if (deflated) continue;
                d[l] -= p;
                off[l] = g;
                off[m] = 0;
            }
        }
        Array.Sort(d, 0, n);
    }

    // √(a² + b²) without overflow or underflow of the squares.
    private static double Hypot(double a, double b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        if (a < b) (a, b) = (b, a);
        if (a == 0) return 0;
        double t = b / a;
        return a * Math.Sqrt(1 + t * t);
    }
}
