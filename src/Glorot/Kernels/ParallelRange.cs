namespace Glorot.Kernels;

/// <summary>
/// Splits [0, count) into fixed-size chunks that the caller and its <see cref="ComputePool"/> workers claim until
/// none is left. For element-wise work whose results depend only on the index (counter-based fills): the chunks
/// are the same for every thread count, so the bits are the same whoever runs which chunk.
/// </summary>
internal static class ParallelRange
{
    /// <summary>Calls body(start, length) for every chunk of [0, count), on up to <paramref name="threads"/> threads.</summary>
    public static void Run(long count, long chunk, int threads, Action<long, long> body)
    {
        threads = ComputePool.Participants(threads);
        if (count <= chunk || threads < 2)
        {
            for (long start = 0; start < count; start += chunk) body(start, Math.Min(chunk, count - start));
            return;
        }
        var used = (int)Math.Min(threads, (count + chunk - 1) / chunk);
        var job = new RangeJob(count, chunk, body);
        if (ComputePool.ForCurrentThread(used) is { } pool) pool.Run(job, used);
        else job.Run();
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
