using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public sealed class ComputePoolTests : IDisposable
{
    // A pool of its own per test (xunit makes a new instance per test), stopped when the test ends.
    private readonly ComputePool _pool = new(workers: 7);

    public void Dispose() => _pool.Dispose();

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
            // Whichever thread comes second fails; if no worker joins, the caller fails on its own.
            if (Interlocked.Increment(ref _calls) == 1) Thread.Sleep(20);
            throw new InvalidOperationException("chunk failed");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    public void Every_chunk_runs_exactly_once(int threads)
    {
        for (var i = 0; i < 20; i++)
        {
            var job = new ChunkedJob(1000);
            _pool.Run(job, threads);
            Assert.All(job.Runs, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void Jobs_never_run_on_more_threads_than_the_process_has_CPUs()
    {
        Assert.Equal(Math.Min(Environment.ProcessorCount, 1024), ComputePool.Participants(1024));
        Assert.Equal(1, ComputePool.Participants(1));
        using (ComputePool.AssumeProcessors(16)) Assert.Equal(8, ComputePool.Participants(8));
        Assert.Equal(Math.Min(Environment.ProcessorCount, 8), ComputePool.Participants(8));
    }

    [Fact]
    public void Workers_take_chunks_when_the_caller_is_slow()
    {
        // 60 chunks of 2 ms on 4 threads: each worker has over 30 ms to wake and claim some, so this fails only
        // if none ever runs. Sleeping chunks need no core, so it holds on a 2-core machine too.
        var job = new ChunkedJob(60, sleepMs: 2);
        _pool.Run(job, 4);
        Assert.All(job.Runs, r => Assert.Equal(1, r));
        Assert.True(job.Owner.Distinct().Count() >= 2, "no worker claimed a chunk");
        Assert.True(job.Owner.Distinct().Count() <= 4, "more threads ran the job than it asked for");
    }

    [Fact]
    public void Hands_off_whether_the_workers_are_spinning_or_asleep()
    {
        // Workers spin 200 µs, then block; a job published around that moment is the lost-wakeup race.
        // Pauses of varied length around it, and varying thread counts (some workers not asked), must never
        // hang or drop a chunk.
        for (var i = 0; i < 60; i++)
        {
            var job = new ChunkedJob(16);
            _pool.Run(job, 2 + i % 7);
            Assert.All(job.Runs, r => Assert.Equal(1, r));
            Thread.Sleep(i % 4); // 0–3 ms: some calls find the workers spinning, some asleep
            if (i % 5 == 0) Thread.SpinWait(i * 500);
        }
    }

    [Fact]
    public void An_exception_in_a_chunk_reaches_the_caller_and_the_pool_keeps_working()
    {
        var e = Assert.Throws<InvalidOperationException>(() => _pool.Run(new FailingJob(), 4));
        Assert.Equal("chunk failed", e.Message);
        var job = new ChunkedJob(100);
        _pool.Run(job, 4);
        Assert.All(job.Runs, r => Assert.Equal(1, r));
    }

    [Fact]
    public void A_job_that_runs_a_job_does_it_on_its_own_thread()
    {
        // A chunk that itself calls Run (a GEMM inside a parallel fill): the inner job must not wait for the
        // workers busy with the outer one.
        var inner = new List<ChunkedJob>();
        var outer = new NestingJob(_pool, inner);
        _pool.Run(outer, 4);
        Assert.Equal(8, inner.Count);
        Assert.All(inner, job => Assert.All(job.Runs, r => Assert.Equal(1, r)));
    }

    private sealed class NestingJob(ComputePool pool, List<ChunkedJob> inner) : IComputeJob
    {
        private readonly int caller = Environment.CurrentManagedThreadId;
        private int _next;

        public void Run()
        {
            while (Interlocked.Increment(ref _next) <= 8)
            {
                var job = new ChunkedJob(50);
                // A worker has no pool of its own (a GEMM inside a job runs on that worker alone), and the
                // caller's pool is busy with the outer job, so both run the inner job alone.
                if (Environment.CurrentManagedThreadId != caller) Assert.Null(ComputePool.ForCurrentThread(4));
                pool.Run(job, 4);
                lock (inner) inner.Add(job);
            }
        }
    }

    [Fact]
    public void Each_calling_thread_gets_its_own_pool_and_workers_exit_when_their_owner_ends()
    {
        ComputePool? first = null, second = null;
        var a = new Thread(() => { first = ComputePool.ForCurrentThread(3); first!.Run(new ChunkedJob(100), 3); });
        var b = new Thread(() => { second = ComputePool.ForCurrentThread(3); second!.Run(new ChunkedJob(100), 3); });
        a.Start(); b.Start(); a.Join(); b.Join();
        Assert.NotSame(first, second);
        Assert.Equal(2, first!.WorkerCount);
        // Blocked workers look at their owner every 2 s, so an ended thread's workers are gone within seconds.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((first.LiveWorkers > 0 || second!.LiveWorkers > 0) && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Assert.Equal(0, first.LiveWorkers);
        Assert.Equal(0, second!.LiveWorkers);
    }

    [Fact]
    public void A_pool_grows_to_the_threads_asked_for_and_disposed_workers_exit()
    {
        using var pool = new ComputePool();
        Assert.Equal(0, pool.WorkerCount);
        var job = new ChunkedJob(10);
        pool.Run(job, 4); // no workers yet: the caller does it all
        Assert.All(job.Owner, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
        var grown = ComputePool.ForCurrentThread(5)!;
        Assert.True(grown.WorkerCount >= 4);
        _pool.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_pool.LiveWorkers > 0 && DateTime.UtcNow < deadline) Thread.Sleep(10);
        Assert.Equal(0, _pool.LiveWorkers);
    }
}
