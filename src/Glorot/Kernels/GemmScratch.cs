namespace Glorot.Kernels;

/// <summary>
/// Per-thread packing buffers (each compute thread packs its own blocks, so there is no sharing and no lock).
/// They grow to the largest block seen and are then reused, so a training loop allocates nothing per call.
/// </summary>
internal static class GemmScratch
{
    [ThreadStatic] private static AlignedBuffer? _a;
    [ThreadStatic] private static AlignedBuffer? _b;

    /// <summary>A buffer for a packed A block of at least <paramref name="length"/> floats.</summary>
    public static AlignedBuffer ForA(int length) => Ensure(ref _a, length);

    /// <summary>A buffer for a packed B block of at least <paramref name="length"/> floats.</summary>
    public static AlignedBuffer ForB(int length) => Ensure(ref _b, length);

    private static AlignedBuffer Ensure(ref AlignedBuffer? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = new AlignedBuffer(length);
        return buffer;
    }
}
