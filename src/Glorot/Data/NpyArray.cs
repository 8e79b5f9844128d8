namespace Glorot.Data;

/// <summary>The element types <see cref="Npy"/> reads and writes.</summary>
public enum NpyDType
{
    /// <summary>Little-endian IEEE float32, descr <c>&lt;f4</c>.</summary>
    Float32,
    /// <summary>Little-endian IEEE float64, descr <c>&lt;f8</c>.</summary>
    Float64,
}

/// <summary>An array read from a .npy file: its shape and its values in C (row-major) order.</summary>
public sealed class NpyArray
{
    internal NpyArray(int[] shape, float[]? singles, double[]? doubles)
    {
        Shape = shape;
        Singles = singles;
        Doubles = doubles;
    }

    /// <summary>The shape; empty for a 0-d (scalar) array.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>The element type stored in the file.</summary>
    public NpyDType DType => Singles is not null ? NpyDType.Float32 : NpyDType.Float64;

    /// <summary>The values when the file held float32, else null.</summary>
    public float[]? Singles { get; }

    /// <summary>The values when the file held float64, else null.</summary>
    public double[]? Doubles { get; }

    /// <summary>The number of elements (product of the shape).</summary>
    public long Count => Singles?.LongLength ?? Doubles!.LongLength;
}
