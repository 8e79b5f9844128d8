namespace Glorot.Kernels;

/// <summary>
/// The software prefetch of a micro-kernel whose B operand streams from memory (the packed weights of a
/// small-batch forward): each k step touches the B row <see cref="Rows"/> rows ahead, both cache lines of its
/// 32 floats, and at the end of the tile's own rows runs on into the next tile's (the next panel, or the next k
/// block). Prefetches change no value, only when lines arrive. The kernels step the stream themselves, inline:
/// a call inside their k loop would make the JIT spill every vector accumulator around it.
/// </summary>
internal static unsafe class WeightPrefetch
{
    /// <summary>
    /// How far ahead: 64 rows, 8 KiB of a 32-float panel. At batch 10 a k step does 20 FMAs per 128 bytes of B, too
    /// much work per byte for the out-of-order window to keep enough of the weights' cache misses in flight when
    /// they come from memory. Prefetching (T0) made the forward of 1024-2500×5-9 1.14–1.19× faster at 4 KiB ahead,
    /// and 8 KiB gained 3–9 % more; 2 KiB or 12–24 KiB did less (docs/BENCHMARKS.md "Fused backward step").
    /// </summary>
    public const int Rows = 64;

    /// <summary>
    /// Where the stream starts for a tile reading kc rows of B from <paramref name="b"/> (row stride ldb):
    /// <see cref="Rows"/> rows ahead, or already inside <paramref name="next"/> (the next tile's B) when the tile is
    /// shorter; null when there is no next tile, i.e. nothing to prefetch. <paramref name="end"/> is where the
    /// stream leaves this tile for <paramref name="next"/>.
    /// </summary>
    public static float* Start(float* b, int kc, nint ldb, float* next, out float* end)
    {
        end = b + kc * ldb;
        if (next == null) return null;
        float* ahead = b + Rows * ldb;
        return ahead < end ? ahead : next + (ahead - end);
    }
}
