using Glorot.Kernels;

namespace Glorot.Tests.Kernels;

public class ComputePoolTests
{
    private sealed class RecordingJob : IComputeJob
    {
        public readonly int[] Threads = new int[2];
        public int Runs;

        public void Run(int part)
        {
            Threads[part] = Environment.CurrentManagedThreadId;
            Interlocked.Increment(ref Runs);
        }
    }

    private sealed class FailingJob : IComputeJob
    {
        public void Run(int part)
        {
            if (part == 1) throw new InvalidOperationException("worker part failed");
        }
    }

    [Fact]
    public void Runs_part_zero_on_the_caller_and_both_parts_exactly_once()
    {
        var job = new RecordingJob();
        ComputePool.Shared.Run(job);
        Assert.Equal(2, job.Runs);
        Assert.Equal(Environment.CurrentManagedThreadId, job.Threads[0]);
    }

    [Fact]
    public void Hands_off_after_the_worker_has_gone_to_sleep()
    {
        // The worker spins 200 µs, then blocks; a job published around that moment is the lost-wakeup race
        // (performance.md §3.6). Pauses of varied length around it must never hang or drop a part.
        for (var i = 0; i < 40; i++)
        {
            var job = new RecordingJob();
            ComputePool.Shared.Run(job);
            Assert.Equal(2, job.Runs);
            Thread.Sleep(i % 4); // 0–3 ms: some calls find the worker spinning, some asleep
            if (i % 5 == 0) Thread.SpinWait(i * 500);
        }
    }

    [Fact]
    public void An_exception_in_the_worker_part_reaches_the_caller_and_the_pool_keeps_working()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ComputePool.Shared.Run(new FailingJob()));
        Assert.Equal("worker part failed", e.Message);
        var job = new RecordingJob();
        ComputePool.Shared.Run(job);
        Assert.Equal(2, job.Runs);
    }
}
