using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    // 256 KiB of floats per claim: large enough that claiming costs nothing, small enough to balance the threads.
    private const long ChunkElements = 1 << 16;

    internal enum Kind { Uniform, Normal }

    /// <summary>
    /// dest[e] = transform(element offset + e of (seed, stream)); a = low or mean, b = width or std; on
    /// <paramref name="threads"/> threads (0 = <see cref="Compute.Threads"/>).
    /// </summary>
    public static void Fill(Span<float> dest, Kind kind, float a, float b, ulong seed, ulong stream, long offset,
        int threads = 0)
    {
        if (threads == 0) threads = Compute.Threads;
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
            // Chunks start on group boundaries of the sequence, so only the two ends take the buffered path.
            long lead = Math.Min(n, (Group - offset % Group) % Group);
            if (lead > 0) FillRange(p, lead, kind, a, b, seed, stream, offset);
            nint basePtr = (nint)(p + lead);
            long rest = offset + lead;
            ParallelRange.Run(n - lead, ChunkElements, threads,
                (start, length) => FillRange((float*)basePtr + start, length, kind, a, b, seed, stream, rest + start));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillRange(float* dest, long count, Kind kind, float a, float b, ulong seed, ulong stream, long offset)
    {
        var path = PhiloxVector.Active;
        long end = offset + count;
        long group = offset / Group;
        if (path == PhiloxVector.Path.Vector512 && Avx512F.IsSupported)
        {
            // Whole groups stay in registers from the Philox rounds to the store; partial groups at the two
            // ends take the buffered path below, which gives the same bits.
            long firstWhole = (offset + Group - 1) / Group, endWhole = end / Group;
            if (firstWhole < endWhole)
            {
                if (group < firstWhole) FillBuffered(dest, offset, end, group, firstWhole, kind, a, b, seed, stream, path);
                FillWholeGroups512(dest + (firstWhole * Group - offset), firstWhole, endWhole, kind, a, b, seed, stream);
                if (endWhole * Group < end) FillBuffered(dest, offset, end, endWhole, endWhole + 1, kind, a, b, seed, stream, path);
                return;
            }
        }
        FillBuffered(dest, offset, end, group, (end + Group - 1) / Group, kind, a, b, seed, stream, path);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillWholeGroups512(float* dest, long firstGroup, long endGroup, Kind kind, float a, float b, ulong seed, ulong stream)
    {
        var lanes = PhiloxVector.Lanes512;
        var av = Vector512.Create(a);
        var bv = Vector512.Create(b);
        for (long g = firstGroup; g < endGroup; g++, dest += Group)
        {
            var (x0, x1, x2, x3) = PhiloxVector.Rounds512(seed, stream, (ulong)g * 16, lanes);
            if (kind == Kind.Uniform)
            {
                RandomTransforms512.Uniform(x0, av, bv).Store(dest);
                RandomTransforms512.Uniform(x1, av, bv).Store(dest + 16);
                RandomTransforms512.Uniform(x2, av, bv).Store(dest + 32);
                RandomTransforms512.Uniform(x3, av, bv).Store(dest + 48);
            }
            else
            {
                var (c0, s0) = RandomTransforms512.BoxMuller(x0, x1);
                var (c1, s1) = RandomTransforms512.BoxMuller(x2, x3);
                Vector512.FusedMultiplyAdd(c0, bv, av).Store(dest);
                Vector512.FusedMultiplyAdd(s0, bv, av).Store(dest + 16);
                Vector512.FusedMultiplyAdd(c1, bv, av).Store(dest + 32);
                Vector512.FusedMultiplyAdd(s1, bv, av).Store(dest + 48);
            }
        }
    }

    /// <summary>Groups [group, endGroup) through a 64-word buffer, clipped to [offset, end).</summary>
    private static void FillBuffered(float* dest, long offset, long end, long group, long endGroup, Kind kind,
        float a, float b, ulong seed, ulong stream, PhiloxVector.Path path)
    {
        bool vector = path != PhiloxVector.Path.Scalar;
        Span<uint> words = stackalloc uint[Group];
        Span<float> scratch = stackalloc float[Group];
        for (; group < endGroup; group++)
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
        }
    }
}
