using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Numerics;

/// <summary>
/// Gauss–Hermite quadrature for expectations under the standard normal: E[f(z)] ≈ Σᵢ wᵢ·f(xᵢ), z ~ N(0, 1),
/// exact for every polynomial of degree ≤ 2n − 1. The weights are probabilities (Σ wᵢ = 1), i.e. the rule of
/// the probabilists' Hermite polynomials He_k, not of the physicists' H_k.
/// </summary>
/// <remarks>
/// Nodes are the eigenvalues of the Jacobi matrix of the orthonormal He_k (zero diagonal, off-diagonal √k;
/// Golub &amp; Welsch 1969), each then polished by Newton steps on the orthonormal polynomial h_n
/// (h₀ = 1, h_{k+1} = (x·h_k − √k·h_{k−1})/√(k+1), h_n′ = √n·h_{n−1}); the weights are the Christoffel numbers
/// wᵢ = 1/Σ_{k&lt;n} h_k(xᵢ)², which keeps full relative precision even for the tiny weights at the extreme nodes.
/// n is at most <see cref="MaxPoints"/>, where h_k(x)² still fits in a double.
/// </remarks>
public sealed class GaussHermite
{
    /// <summary>The largest supported number of points.</summary>
    public const int MaxPoints = 200;

    private static readonly GaussHermite?[] Cache = new GaussHermite?[MaxPoints + 1];

    private readonly double[] _nodes;
    private readonly double[] _weights;

    private GaussHermite(double[] nodes, double[] weights)
    {
        _nodes = nodes;
        _weights = weights;
    }

    /// <summary>The nodes xᵢ, ascending, symmetric about 0.</summary>
    public ReadOnlySpan<double> Nodes => _nodes;

    /// <summary>The weights wᵢ (probabilities: they sum to 1).</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The n-point rule (computed once, then cached).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n outside 1 … <see cref="MaxPoints"/>.</exception>
    public static GaussHermite Rule(int n)
    {
        if (n is < 1 or > MaxPoints)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Gauss–Hermite needs 1 to {MaxPoints} points.");
        lock (Cache) return Cache[n] ??= Compute(n);
    }

    /// <summary>E[f(z)] for z ~ N(0, 1) by this rule.</summary>
    public double Expectation(Func<double, double> f)
    {
        // Sum from the outside in, so the tiny tail terms are added before the large central ones.
        double sum = 0;
        int n = _nodes.Length;
        for (int lo = 0, hi = n - 1; lo <= hi; lo++, hi--)
        {
            sum += _weights[lo] * f(_nodes[lo]);
            if (hi != lo) sum += _weights[hi] * f(_nodes[hi]);
        }
        return sum;
    }

    private static GaussHermite Compute(int n)
    {
        var nodes = new double[n];
        if (n > 1)
        {
            var jacobi = Matrix<double>.Build.Dense(n, n);
            for (var k = 1; k < n; k++) jacobi[k, k - 1] = jacobi[k - 1, k] = Math.Sqrt(k);
            var eigen = jacobi.Evd(Symmetricity.Symmetric).EigenValues;
            for (var i = 0; i < n; i++) nodes[i] = eigen[i].Real;
            Array.Sort(nodes);
        }
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            double x = nodes[i];
            for (var step = 0; step < 3; step++)
            {
                var (hn, hnMinus1, _) = Orthonormal(n, x);
                if (hnMinus1 == 0) break;
                x -= hn / (Math.Sqrt(n) * hnMinus1);
            }
            nodes[i] = x;
            weights[i] = 1 / Orthonormal(n, x).SumOfSquares;
        }
        // Exact symmetry: x_{n−1−i} = −x_i, w_{n−1−i} = w_i; the middle node of an odd rule is 0.
        for (var i = 0; i < n / 2; i++)
        {
            double x = 0.5 * (nodes[n - 1 - i] - nodes[i]), w = 0.5 * (weights[i] + weights[n - 1 - i]);
            (nodes[i], nodes[n - 1 - i], weights[i], weights[n - 1 - i]) = (-x, x, w, w);
        }
        if (n % 2 == 1) nodes[n / 2] = 0;
        return new GaussHermite(nodes, weights);
    }

    // h_n(x), h_{n−1}(x) and Σ_{k<n} h_k(x)² of the orthonormal probabilists' Hermite polynomials.
    private static (double Hn, double HnMinus1, double SumOfSquares) Orthonormal(int n, double x)
    {
        double previous = 0, current = 1, sum = 0;
        for (var k = 0; k < n; k++)
        {
            sum += current * current;
            double next = (x * current - Math.Sqrt(k) * previous) / Math.Sqrt(k + 1);
            (previous, current) = (current, next);
        }
        return (current, previous, sum);
    }
}
