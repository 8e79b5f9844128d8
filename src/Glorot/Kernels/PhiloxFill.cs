using System.Runtime.CompilerServices;

namespace Glorot.Kernels;

/// <summary>
/// Fills a span with uniform or normal floats where element e is a function of (seed, stream, offset + e) only:
/// the sequence is cut into groups of 64 elements, group g coming from Philox blocks 16g … 16g+15, so a fill
/// split across threads, or done piecewise, gives the same bits as one call.
/// </summary>
internal static unsafe class PhiloxFill
{
    private const int Group = 64;

    /// <summary>Below this many elements one thread does the whole fill (a thread hand-off costs more).</summary>
    internal const int ParallelThreshold = 1 << 17;

    internal enum Kind { Uniform, Normal }

    /// <summary>dest[e] = transform(element offset + e of (seed, stream)); a = low or mean, b = width or std.</summary>
    public static void Fill(Span<float> dest, Kind kind, float a, float b, ulong seed, ulong stream, long offset,
        int threads = 2)
    {
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset must be non-negative.");
        if (dest.IsEmpty) return;
        fixed (float* p = dest)
        {
            long n = dest.Length;
            if (threads < 2 || n < ParallelThreshold)
            {
                FillRange(p, n, kind, a, b, seed, stream, offset);
                return;
            }
            // Split at a group boundary of the sequence; either half is a valid piecewise fill.
            long mid = ((offset + n / 2) / Group) * Group - offset;
            nint basePtr = (nint)p;
            TwoWay.Run(
                () => FillRange((float*)basePtr, mid, kind, a, b, seed, stream, offset),
                () => FillRange((float*)basePtr + mid, n - mid, kind, a, b, seed, stream, offset + mid));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillRange(float* dest, long count, Kind kind, float a, float b, ulong seed, ulong stream, long offset)
    {
        var path = PhiloxVector.Active;
        bool vector = path != PhiloxVector.Path.Scalar;
        Span<uint> words = stackalloc uint[Group];
        Span<float> scratch = stackalloc float[Group];
        long end = offset + count;
        long group = offset / Group;
        while (group * Group < end)
        {
            long groupStart = group * Group;
            PhiloxVector.Blocks16(seed, stream, (ulong)group * 16, path,
                words[..16], words.Slice(16, 16), words.Slice(32, 16), words.Slice(48, 16));
            long from = Math.Max(groupStart, offset), to = Math.Min(groupStart + Group, end);
            bool whole = from == groupStart && to == groupStart + Group;
            var target = whole ? new Span<float>(dest + (groupStart - offset), Group) : scratch;
            if (kind == Kind.Uniform) RandomTransforms.Uniform(words, target, a, b, vector);
            else RandomTransforms.Normal(words, target, a, b, vector);
            if (!whole)
                scratch[(int)(from - groupStart)..(int)(to - groupStart)].CopyTo(new Span<float>(dest + (from - offset), (int)(to - from)));
            group++;
        }
    }
}
