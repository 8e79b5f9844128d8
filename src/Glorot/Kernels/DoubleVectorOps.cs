using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Glorot.Kernels;

/// <summary>
/// The double-precision row operations of the symmetric eigenvalue kernels (<see cref="GramMatrix"/>,
/// <see cref="HouseholderTridiagonal"/>), written once per <see cref="GemmPath"/> so that tests can force each
/// (<c>Gemm.Use(path)</c>). A path fixes the order of every sum (lane width, then a fixed lane reduction), so
/// results depend on the path and never on the thread count.
/// </summary>
internal static unsafe class DoubleVectorOps
{
    /// <summary>
    /// Four dot products at once, x0·y, x1·y, x2·y, x3·y over length n, and the same against z (a 4 × 2 block
    /// of X·Xᵀ): each y and z load feeds four FMAs, each x load two.
    /// </summary>
    public static void Dots4x2(GemmPath path, double* x0, nint stride, double* y, double* z, int n, double* dy, double* dz)
    {
        switch (path)
        {
            case GemmPath.Vector512: Dots4x2Vector512(x0, stride, y, z, n, dy, dz); break;
            case GemmPath.Vector256: Dots4x2Vector256(x0, stride, y, z, n, dy, dz); break;
            default: Dots4x2Portable(x0, stride, y, z, n, dy, dz); break;
        }
    }

    /// <summary>
    /// The fused step of the tridiagonal reduction on the strictly-lower segment r[0, n) of row i of a symmetric
    /// matrix: r ← r − a·w − b·v (the rank-2 update A − v·wᵀ − w·vᵀ restricted to this row, a = v_i, b = w_i);
    /// then, while the row is in L1, the two halves of the next product A·u that this segment holds: returns
    /// Σ r_j·u_j (row i's own share) and adds r_j·ui to q_j (the mirrored entries' share to rows j, ui = u_i).
    /// </summary>
    public static double UpdateDotScatter(GemmPath path, double* r, double* v, double* w, double a, double b,
        double* u, double* q, double ui, int n) =>
        path switch
        {
            GemmPath.Vector512 => UpdateDotScatterVector512(r, v, w, a, b, u, q, ui, n),
            GemmPath.Vector256 => UpdateDotScatterVector256(r, v, w, a, b, u, q, ui, n),
            _ => UpdateDotScatterPortable(r, v, w, a, b, u, q, ui, n),
        };

    private static void Dots4x2Vector512(double* x, nint s, double* y, double* z, int n, double* dy, double* dz)
    {
        Vector512<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector512<double> b0 = default, b1 = default, b2 = default, b3 = default;
        int j = 0;
        for (; j <= n - 8; j += 8)
        {
            var vy = Vector512.Load(y + j);
            var vz = Vector512.Load(z + j);
            var x0 = Vector512.Load(x + j);
            var x1 = Vector512.Load(x + s + j);
            var x2 = Vector512.Load(x + 2 * s + j);
            var x3 = Vector512.Load(x + 3 * s + j);
            a0 = Vector512.FusedMultiplyAdd(x0, vy, a0); b0 = Vector512.FusedMultiplyAdd(x0, vz, b0);
            a1 = Vector512.FusedMultiplyAdd(x1, vy, a1); b1 = Vector512.FusedMultiplyAdd(x1, vz, b1);
            a2 = Vector512.FusedMultiplyAdd(x2, vy, a2); b2 = Vector512.FusedMultiplyAdd(x2, vz, b2);
            a3 = Vector512.FusedMultiplyAdd(x3, vy, a3); b3 = Vector512.FusedMultiplyAdd(x3, vz, b3);
        }
        Finish(dy, dz, Vector512.Sum(a0), Vector512.Sum(a1), Vector512.Sum(a2), Vector512.Sum(a3),
            Vector512.Sum(b0), Vector512.Sum(b1), Vector512.Sum(b2), Vector512.Sum(b3), x, s, y, z, j, n);
    }

    private static void Dots4x2Vector256(double* x, nint s, double* y, double* z, int n, double* dy, double* dz)
    {
        Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector256<double> b0 = default, b1 = default, b2 = default, b3 = default;
        int j = 0;
        for (; j <= n - 4; j += 4)
        {
            var vy = Vector256.Load(y + j);
            var vz = Vector256.Load(z + j);
            var x0 = Vector256.Load(x + j);
            var x1 = Vector256.Load(x + s + j);
            var x2 = Vector256.Load(x + 2 * s + j);
            var x3 = Vector256.Load(x + 3 * s + j);
            a0 = Vector256.FusedMultiplyAdd(x0, vy, a0); b0 = Vector256.FusedMultiplyAdd(x0, vz, b0);
            a1 = Vector256.FusedMultiplyAdd(x1, vy, a1); b1 = Vector256.FusedMultiplyAdd(x1, vz, b1);
            a2 = Vector256.FusedMultiplyAdd(x2, vy, a2); b2 = Vector256.FusedMultiplyAdd(x2, vz, b2);
            a3 = Vector256.FusedMultiplyAdd(x3, vy, a3); b3 = Vector256.FusedMultiplyAdd(x3, vz, b3);
        }
        Finish(dy, dz, Vector256.Sum(a0), Vector256.Sum(a1), Vector256.Sum(a2), Vector256.Sum(a3),
            Vector256.Sum(b0), Vector256.Sum(b1), Vector256.Sum(b2), Vector256.Sum(b3), x, s, y, z, j, n);
    }

    private static void Dots4x2Portable(double* x, nint s, double* y, double* z, int n, double* dy, double* dz)
    {
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector<double> b0 = default, b1 = default, b2 = default, b3 = default;
        int j = 0, width = Vector<double>.Count;
        for (; j <= n - width; j += width)
        {
            var vy = Vector.Load(y + j);
            var vz = Vector.Load(z + j);
            var x0 = Vector.Load(x + j);
            var x1 = Vector.Load(x + s + j);
            var x2 = Vector.Load(x + 2 * s + j);
            var x3 = Vector.Load(x + 3 * s + j);
            a0 += x0 * vy; b0 += x0 * vz;
            a1 += x1 * vy; b1 += x1 * vz;
            a2 += x2 * vy; b2 += x2 * vz;
            a3 += x3 * vy; b3 += x3 * vz;
        }
        Finish(dy, dz, Vector.Sum(a0), Vector.Sum(a1), Vector.Sum(a2), Vector.Sum(a3),
            Vector.Sum(b0), Vector.Sum(b1), Vector.Sum(b2), Vector.Sum(b3), x, s, y, z, j, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(double* dy, double* dz, double a0, double a1, double a2, double a3,
        double b0, double b1, double b2, double b3, double* x, nint s, double* y, double* z, int j, int n)
    {
        for (; j < n; j++)
        {
            double vy = y[j], vz = z[j];
            a0 += x[j] * vy; b0 += x[j] * vz;
            a1 += x[s + j] * vy; b1 += x[s + j] * vz;
            a2 += x[2 * s + j] * vy; b2 += x[2 * s + j] * vz;
            a3 += x[3 * s + j] * vy; b3 += x[3 * s + j] * vz;
        }
        (dy[0], dy[1], dy[2], dy[3]) = (a0, a1, a2, a3);
        (dz[0], dz[1], dz[2], dz[3]) = (b0, b1, b2, b3);
    }

    private static double UpdateDotScatterVector512(double* r, double* v, double* w, double a, double b,
        double* u, double* q, double ui, int n)
    {
        var va = Vector512.Create(-a);
        var vb = Vector512.Create(-b);
        var vu = Vector512.Create(ui);
        Vector512<double> sum = default;
        int j = 0;
        for (; j <= n - 8; j += 8)
        {
            var x = Vector512.FusedMultiplyAdd(va, Vector512.Load(w + j), Vector512.Load(r + j));
            x = Vector512.FusedMultiplyAdd(vb, Vector512.Load(v + j), x);
            x.Store(r + j);
            sum = Vector512.FusedMultiplyAdd(x, Vector512.Load(u + j), sum);
            Vector512.FusedMultiplyAdd(x, vu, Vector512.Load(q + j)).Store(q + j);
        }
        return Tail(Vector512.Sum(sum), r, v, w, a, b, u, q, ui, j, n);
    }

    private static double UpdateDotScatterVector256(double* r, double* v, double* w, double a, double b,
        double* u, double* q, double ui, int n)
    {
        var va = Vector256.Create(-a);
        var vb = Vector256.Create(-b);
        var vu = Vector256.Create(ui);
        Vector256<double> sum = default;
        int j = 0;
        for (; j <= n - 4; j += 4)
        {
            var x = Vector256.FusedMultiplyAdd(va, Vector256.Load(w + j), Vector256.Load(r + j));
            x = Vector256.FusedMultiplyAdd(vb, Vector256.Load(v + j), x);
            x.Store(r + j);
            sum = Vector256.FusedMultiplyAdd(x, Vector256.Load(u + j), sum);
            Vector256.FusedMultiplyAdd(x, vu, Vector256.Load(q + j)).Store(q + j);
        }
        return Tail(Vector256.Sum(sum), r, v, w, a, b, u, q, ui, j, n);
    }

    private static double UpdateDotScatterPortable(double* r, double* v, double* w, double a, double b,
        double* u, double* q, double ui, int n)
    {
        var va = new Vector<double>(a);
        var vb = new Vector<double>(b);
        var vu = new Vector<double>(ui);
        Vector<double> sum = default;
        int j = 0, width = Vector<double>.Count;
        for (; j <= n - width; j += width)
        {
            var x = Vector.Load(r + j) - va * Vector.Load(w + j) - vb * Vector.Load(v + j);
            x.Store(r + j);
            sum += x * Vector.Load(u + j);
            (Vector.Load(q + j) + x * vu).Store(q + j);
        }
        return Tail(Vector.Sum(sum), r, v, w, a, b, u, q, ui, j, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Tail(double sum, double* r, double* v, double* w, double a, double b, double* u,
        double* q, double ui, int j, int n)
    {
        for (; j < n; j++)
        {
            double x = r[j] - a * w[j] - b * v[j];
            r[j] = x;
            sum += x * u[j];
            q[j] += x * ui;
        }
        return sum;
    }
}
