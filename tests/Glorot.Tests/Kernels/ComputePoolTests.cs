using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class ComputePoolTests
{
    // A pool of its own, so GEMM tests running in parallel never hold it (a busy pool runs jobs on the caller).
    private readonly ComputePool _pool = new();

    // Chunks claimed through a shared counter, each recording the thread that ran it.
    private sealed class ChunkedJob(int chunks, int sleepMs = 0) : IComputeJob
    {
        public readonly int[] Owner = new int[chunks];
        public readonly int[] Runs = new int[chunks];
        private int _next;

        public void Run()
        {
            int c;
            while ((c = Interlocked.Increment(ref _next) - 1) < Owner.Length)
            {
                Owner[c] = Environment.CurrentManagedThreadId;
                Interlocked.Increment(ref Runs[c]);
                if (sleepMs > 0) Thread.Sleep(sleepMs);
            }
        }
    }

    private sealed class FailingJob : IComputeJob
    {
        private int _calls;

        public void Run()
        {
            // Whichever thread comes second fails; if the worker never joins, the caller fails on its own.
            if (Interlocked.Increment(ref _calls) == 1) Thread.Sleep(20);
            throw new InvalidOperationException("chunk failed");
        }
    }

    [Fact]
    public void Every_chunk_runs_exactly_once()
    {
        var job = new ChunkedJob(1000);
        _pool.Run(job);
        Assert.All(job.Runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void The_worker_takes_chunks_when_the_caller_is_slow()
    {
        // 40 chunks of 2 ms: the worker has 80 ms to wake and claim some, so this only fails if it never runs.
        var job = new ChunkedJob(40, sleepMs: 2);
        _pool.Run(job);
        Assert.All(job.Runs, r => Assert.Equal(1, r));
        Assert.Contains(job.Owner, id => id != Environment.CurrentManagedThreadId);
    }

    [Fact]
    public void Hands_off_whether_the_worker_is_spinning_or_asleep()
    {
        // The worker spins 200 µs, then blocks; a job published around that moment is the lost-wakeup race
        // (performance.md §3.6). Pauses of varied length around it must never hang or drop a chunk.
        for (var i = 0; i < 40; i++)
        {
            var job = new ChunkedJob(8);
            _pool.Run(job);
            Assert.All(job.Runs, r => Assert.Equal(1, r));
            Thread.Sleep(i % 4); // 0–3 ms: some calls find the worker spinning, some asleep
            if (i % 5 == 0) Thread.SpinWait(i * 500);
        }
    }

    [Fact]
    public void An_exception_in_a_chunk_reaches_the_caller_and_the_pool_keeps_working()
    {
        var e = Assert.Throws<InvalidOperationException>(() => _pool.Run(new FailingJob()));
        Assert.Equal("chunk failed", e.Message);
        var job = new ChunkedJob(100);
        _pool.Run(job);
        Assert.All(job.Runs, r => Assert.Equal(1, r));
    }
}
