namespace Glorot.Kernels;

/// <summary>Shape checks shared by the GEMM entry points: a bad leading dimension or short span is a caller bug.</summary>
internal static class GemmArguments
{
    /// <summary>Throws unless a row-major rows × cols matrix with leading dimension ld fits in length floats.</summary>
    public static void CheckMatrix(int length, int rows, int cols, int ld, string name)
    {
        if (rows < 0 || cols < 0) throw new ArgumentException($"{name}: negative shape {rows}×{cols}.", name);
        if (ld < Math.Max(1, cols))
            throw new ArgumentException($"{name}: leading dimension {ld} is smaller than the row width {cols}.", name);
        if (rows == 0 || cols == 0) return;
        var needed = (long)(rows - 1) * ld + cols;
        if (length < needed)
            throw new ArgumentException($"{name}: {rows}×{cols} with leading dimension {ld} needs {needed} floats, got {length}.", name);
    }

    /// <summary>Throws unless a bias for n columns is empty (no bias) or has exactly n entries.</summary>
    public static void CheckBias(int length, int n)
    {
        if (length != 0 && length != n)
            throw new ArgumentException($"bias: expected {n} entries (one per column of C) or none, got {length}.", "bias");
    }
}
