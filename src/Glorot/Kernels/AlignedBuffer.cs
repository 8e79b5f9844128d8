namespace Glorot.Kernels;

/// <summary>
/// A float buffer on the pinned object heap whose start is 64-byte aligned (one cache line, one zmm), so its
/// address is stable for raw-pointer kernels and aligned for packed panels. Freed by the GC like any array.
/// </summary>
internal sealed unsafe class AlignedBuffer
{
    private const int AlignFloats = 16;
    private readonly float[] _array;

    /// <summary>Allocates <paramref name="length"/> floats, zero-filled.</summary>
    public AlignedBuffer(long length)
    {
        if (length < 0 || length > Array.MaxLength - AlignFloats)
            throw new ArgumentOutOfRangeException(nameof(length), length, "buffer too large");
        _array = GC.AllocateArray<float>((int)length + AlignFloats, pinned: true);
        fixed (float* p = _array)
        {
            var misalignment = (int)(((nuint)p & 63) / sizeof(float));
            Offset = misalignment == 0 ? 0 : AlignFloats - misalignment;
        }
        Length = (int)length;
    }

    /// <summary>Usable floats.</summary>
    public int Length { get; }

    private int Offset { get; }

    /// <summary>The 64-byte-aligned start (valid for the life of this object: the array is pinned).</summary>
    public float* Pointer
    {
        get { fixed (float* p = _array) return p + Offset; }
    }

    /// <summary>The usable floats as a span.</summary>
    public Span<float> Span => _array.AsSpan(Offset, Length);

    /// <summary>Keeps the array reachable until the caller is done with <see cref="Pointer"/>.</summary>
    public void KeepAlive() => GC.KeepAlive(_array);
}
