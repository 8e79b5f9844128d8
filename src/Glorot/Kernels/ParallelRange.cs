namespace Glorot.Kernels;

/// <summary>
/// Splits [0, count) into chunks that the caller and the <see cref="ComputePool"/> worker claim until none is
/// left. For element-wise work whose results depend only on the index (counter-based fills), so the bits are
/// the same whoever runs which chunk.
/// </summary>
internal static class ParallelRange
{
    /// <summary>Calls body(start, length) for every chunk of [0, count), on up to two threads.</summary>
    public static void Run(long count, long chunk, Action<long, long> body)
    {
        if (count <= chunk)
        {
            if (count > 0) body(0, count);
            return;
        }
        ComputePool.Shared.Run(new RangeJob(count, chunk, body));
    }

    private sealed class RangeJob(long count, long chunk, Action<long, long> body) : IComputeJob
    {
        private long _next;

        public void Run()
        {
            long start;
            while ((start = Interlocked.Add(ref _next, chunk) - chunk) < count)
                body(start, Math.Min(chunk, count - start));
        }
    }
}
