namespace Glorot.Kernels;

/// <summary>
/// A rows × cols matrix kept in the packed-B layout of the GEMM (<see cref="GemmPacking"/>): column panels of 32,
/// panel q holding rows 0..rows−1 of columns 32q..32q+31 as 32 contiguous floats each, zero padded past cols.
/// Used as the B operand it needs no packing at all, which is what makes small-batch layers fast
/// (111 vs 58 GFLOP/s at batch 10, docs/BENCHMARKS.md "Design measurements").
/// A layer with weights W [out × in] (PyTorch order) keeps
/// Wᵀ here, <c>new PackedMatrix(rows: in, cols: out)</c>, and runs its three products without repacking:
/// forward <see cref="Gemm.Multiply(bool, int, float, ReadOnlySpan{float}, int, PackedMatrix, float, Span{float}, int, ReadOnlySpan{float})"/>,
/// backward data <see cref="Gemm.MultiplyTransposed"/>, and the weight gradient fused with the SGD step
/// <see cref="Gemm.MultiplyInto"/>.
/// </summary>
internal sealed unsafe class PackedMatrix
{
    private readonly AlignedBuffer _data;

    /// <summary>A zero matrix of the given shape.</summary>
    public PackedMatrix(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Rows = rows;
        Cols = cols;
        _data = new AlignedBuffer((long)Panels * rows * GemmPacking.PanelWidth);
    }

    /// <summary>Rows (the k dimension when used as B).</summary>
    public int Rows { get; }

    /// <summary>Columns (the n dimension when used as B).</summary>
    public int Cols { get; }

    /// <summary>Number of 32-wide column panels.</summary>
    public int Panels => (Cols + GemmPacking.PanelWidth - 1) / GemmPacking.PanelWidth;

    /// <summary>Floats from one panel to the next: Rows · 32.</summary>
    public nint PanelStride => (nint)Rows * GemmPacking.PanelWidth;

    /// <summary>Start of panel 0 (64-byte aligned, pinned for the life of this object).</summary>
    internal float* Data => _data.Pointer;

    /// <summary>Element [row, col] (slow; for tests and checkpoints).</summary>
    public float this[int row, int col]
    {
        get => _data.Span[Index(row, col)];
        set => _data.Span[Index(row, col)] = value;
    }

    /// <summary>
    /// Copies a row-major matrix in: <paramref name="source"/> holds this matrix (rows × cols, leading
    /// dimension ld) or, if <paramref name="transposed"/>, its transpose (cols × rows, leading dimension ld), e.g.
    /// a PyTorch-order weight W [out × in] for the Wᵀ [in × out] kept here.
    /// </summary>
    public void Pack(ReadOnlySpan<float> source, int ld, bool transposed)
    {
        int srcRows = transposed ? Cols : Rows, srcCols = transposed ? Rows : Cols;
        GemmArguments.CheckMatrix(source.Length, srcRows, srcCols, ld, nameof(source));
        var dst = _data.Span;
        const int w = GemmPacking.PanelWidth;
        for (var i = 0; i < srcRows; i++)
        {
            var row = source.Slice(i * ld, srcCols);
            if (transposed)
            {
                // Source row i is column i here: scatter it 32 floats apart down panel i / 32.
                var baseIndex = (i / w) * (int)PanelStride + i % w;
                for (var r = 0; r < srcCols; r++) dst[baseIndex + r * w] = row[r];
            }
            else
            {
                for (var q = 0; q * w < srcCols; q++)
                    row.Slice(q * w, Math.Min(w, srcCols - q * w)).CopyTo(dst.Slice(q * (int)PanelStride + i * w));
            }
        }
    }

    /// <summary>Copies this matrix out, as row-major rows × cols or, if transposed, as its cols × rows transpose.</summary>
    public void Unpack(Span<float> destination, int ld, bool transposed)
    {
        int dstRows = transposed ? Cols : Rows, dstCols = transposed ? Rows : Cols;
        GemmArguments.CheckMatrix(destination.Length, dstRows, dstCols, ld, nameof(destination));
        var src = _data.Span;
        for (var i = 0; i < Rows; i++)
        for (var j = 0; j < Cols; j++)
        {
            var v = src[Index(i, j)];
            if (transposed) destination[j * ld + i] = v;
            else destination[i * ld + j] = v;
        }
    }

    /// <summary>Keeps the storage reachable while raw pointers into it are in use.</summary>
    internal void KeepAlive() => _data.KeepAlive();

    private int Index(int row, int col)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row));
        if ((uint)col >= (uint)Cols) throw new ArgumentOutOfRangeException(nameof(col));
        return (col / GemmPacking.PanelWidth) * (int)PanelStride + row * GemmPacking.PanelWidth
               + col % GemmPacking.PanelWidth;
    }
}
