using Glorot.Random;
using Glorot.Kernels;

namespace Glorot.Init;

/// <summary>
/// A (semi-)orthogonal matrix times <paramref name="Gain"/> (Saxe, McClelland &amp; Ganguli 2014): the tensor is
/// viewed as rows = shape[0] by cols = Π shape[1…]; a Gaussian matrix is drawn, the taller of it and its
/// transpose is factored A = QR by blocked Householder QR in float (as torch.nn.init.orthogonal_ does with LAPACK
/// sgeqrf), and Q's columns are multiplied by sign(diag R), which makes Q Haar-distributed (Mezzadri 2007). Rows
/// are orthonormal when rows ≤ cols, columns otherwise. The draw is a function of (seed, stream) and the vector
/// path, the same for any thread count.
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
        bool wide = rows < cols;
        int m = Math.Max(rows, cols), n = Math.Min(rows, cols);
        var gaussian = new float[values.Length];
        RandomFill.Normal(gaussian, 0f, 1f, seed, stream, 0, threads);
        // The QR works on the tall m × n matrix A stored transposed (Aᵀ, n × m): the draw G (rows × cols) itself
        // when it is wide (A = Gᵀ), its transpose otherwise (A = G). Q comes back as Qᵀ in the same layout.
        float[] at = gaussian;
        if (!wide) Transpose(gaussian, rows, cols, at = new float[values.Length]);
        var qt = new float[values.Length];
        using (Gemm.Use(threads: threads)) HouseholderQr.OrthonormalFactor(at, n, m, qt);
        if (wide) System.Numerics.Tensors.TensorPrimitives.Multiply(qt, (float)Gain, values);
        else
        {
            // Q = (Qᵀ)ᵀ straight into the output, then scaled in place: no third m·n buffer.
            Transpose(qt, n, m, values);
            System.Numerics.Tensors.TensorPrimitives.Multiply(values, (float)Gain, values);
        }
    }

    // In 32 × 32 tiles, so that both the rows read and the columns written stay in L1 (4 MB at 1024², where a
    // plain double loop misses the cache on every write).
    private static void Transpose(ReadOnlySpan<float> source, int rows, int cols, Span<float> result)
    {
        const int tile = 32;
        for (int i0 = 0; i0 < rows; i0 += tile)
            for (int j0 = 0; j0 < cols; j0 += tile)
                for (int i = i0; i < Math.Min(i0 + tile, rows); i++)
                    for (int j = j0; j < Math.Min(j0 + tile, cols); j++) result[j * rows + i] = source[i * cols + j];
    }

    private static (int Rows, int Cols) Matrix(ReadOnlySpan<int> shape)
    {
        int count = Shapes.ElementCount(shape);
        if (shape.Length < 2)
            throw new ArgumentException($"orthogonal needs a shape of at least two dimensions; got {Shapes.Format(shape)}.");
        return (shape[0], count / shape[0]);
    }
}
