using Glorot.Random;
using MathNet.Numerics.LinearAlgebra;

namespace Glorot.Init;

/// <summary>
/// A (semi-)orthogonal matrix times <paramref name="Gain"/> (Saxe, McClelland &amp; Ganguli 2014): the tensor is
/// viewed as rows = shape[0] by cols = Π shape[1…]; a Gaussian matrix is drawn, the taller of it and its
/// transpose is factored A = QR in double precision, and Q's columns are multiplied by sign(diag R), which makes
/// Q Haar-distributed (Mezzadri 2007). Rows are orthonormal when rows ≤ cols, columns otherwise.
/// </summary>
/// <param name="Gain">Multiplier of the orthogonal matrix.</param>
public sealed record Orthogonal(double Gain = 1.0) : Initializer
{
    /// <inheritdoc />
    public override string Scheme => "orthogonal";

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        var (rows, cols) = Matrix(shape);
        if (!(Gain > 0) || !double.IsFinite(Gain)) throw new ArgumentException($"orthogonal: gain must be positive and finite; got {Gain}.");
        // A matrix with min(r, c) orthonormal vectors of length max(r, c) has Σw² = min(r, c), so the mean
        // square of an entry is 1/max(r, c).
        double std = Gain / Math.Sqrt(Math.Max(rows, cols));
        return new InitStats(Scheme, "orthogonal", Fans.Of(shape), Gain, 0, std, -Gain, Gain,
            "W = gain·Q, A = QR for Gaussian A, Q·diag(sign diag R) (Saxe et al. 2014)");
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads)
    {
        var (rows, cols) = Matrix(shape);
        bool transpose = rows < cols;
        int m = Math.Max(rows, cols), n = Math.Min(rows, cols);
        var gaussian = new float[values.Length];
        RandomFill.Normal(gaussian, 0f, 1f, seed, stream, 0, threads);
        // The draw read as the m × n tall matrix: when transposed, A[i, j] = G[j, i] in row-major G (rows × cols).
        var a = Matrix<double>.Build.Dense(m, n, (i, j) => transpose ? gaussian[j * cols + i] : gaussian[i * cols + j]);
        var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        var r = qr.R;
        for (var j = 0; j < n; j++)
        {
            double sign = r[j, j] < 0 ? -1.0 : 1.0;
            for (var i = 0; i < m; i++)
            {
                float w = (float)(Gain * sign * q[i, j]);
                if (transpose) values[j * cols + i] = w; else values[i * cols + j] = w;
            }
        }
    }

    private static (int Rows, int Cols) Matrix(ReadOnlySpan<int> shape)
    {
        int count = Shapes.ElementCount(shape);
        if (shape.Length < 2)
            throw new ArgumentException($"orthogonal needs a shape of at least two dimensions; got {Shapes.Format(shape)}.");
        return (shape[0], count / shape[0]);
    }
}
