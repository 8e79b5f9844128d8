using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Glorot.Kernels;

/// <summary>Work split in two parts: part 0 runs on the caller, part 1 on the pool's worker.</summary>
internal interface IComputeJob
{
    /// <summary>Runs one part (0 or 1) of the job; the two parts must touch disjoint outputs.</summary>
    void Run(int part);
}

/// <summary>
/// Exactly two compute threads: the caller and one persistent background worker (the machine has 2 cores,
/// performance.md §1.1). The worker spins briefly on a generation counter after each job, so back-to-back
/// GEMMs hand off in well under a microsecond, then blocks on a semaphore so an idle worker never steals the
/// core the GC or the JIT need (§3.6: unpinned spinning threads cost whole 2-thread runs). No Parallel.For and
/// no Task per call (§3.6: Parallel.For(0, 2) often ran both halves on the caller).
/// </summary>
internal sealed class ComputePool
{
    /// <summary>The process-wide pool every GEMM shares.</summary>
    public static ComputePool Shared { get; } = new();

    // How long the worker keeps spinning for the next job before it blocks: long enough to bridge the
    // elementwise work between the GEMMs of one training step, short enough to be invisible when idle.
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private IComputeJob? _job;
    private ExceptionDispatchInfo? _failure;
    private int _generation;
    private int _finished;
    private int _sleeping;

    private ComputePool()
    {
        // The worker starts from the current generation, captured before the thread exists (§3.6: reading it
        // inside the thread lost the first job and hung the prototype).
        var seen = _generation;
        var worker = new Thread(() => WorkerLoop(seen)) { IsBackground = true, Name = "Glorot compute worker" };
        worker.Start();
    }

    /// <summary>
    /// Runs part 0 on the calling thread and part 1 on the worker, and returns when both are done. If the pool
    /// is busy with another caller's job, both parts run here, one after the other (same results, one thread).
    /// </summary>
    public void Run(IComputeJob job)
    {
        if (!Monitor.TryEnter(_gate))
        {
            job.Run(0);
            job.Run(1);
            return;
        }
        try
        {
            _job = job;
            _failure = null;
            var generation = Interlocked.Increment(ref _generation);
            if (Interlocked.Exchange(ref _sleeping, 0) == 1) _wake.Release();

            Exception? mine = null;
            try { job.Run(0); }
            catch (Exception e) { mine = e; }

            var spinner = new SpinWait();
            while (Volatile.Read(ref _finished) != generation) spinner.SpinOnce(sleep1Threshold: -1);
            _job = null;
            if (mine is not null) ExceptionDispatchInfo.Throw(mine);
            _failure?.Throw();
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void WorkerLoop(int seen)
    {
        while (true)
        {
            var generation = WaitForJob(seen);
            seen = generation;
            try { _job!.Run(1); }
            catch (Exception e) { _failure = ExceptionDispatchInfo.Capture(e); }
            Volatile.Write(ref _finished, generation);
        }
    }

    // Spin, then sleep. The sleeping flag and the generation counter are each written with a full fence on
    // both sides (Dekker): either the caller sees the flag and releases the semaphore, or the worker sees the
    // new generation; if both happen, exactly one side takes the flag back, so every Release has one Wait.
    private int WaitForJob(int seen)
    {
        var spinStart = Stopwatch.GetTimestamp();
        while (true)
        {
            var generation = Volatile.Read(ref _generation);
            if (generation != seen) return generation;
            if (Stopwatch.GetTimestamp() - spinStart < SpinTicks)
            {
                Thread.SpinWait(20);
                continue;
            }
            Interlocked.Exchange(ref _sleeping, 1);
            if (Volatile.Read(ref _generation) != seen)
            {
                // A job arrived meanwhile. If the caller already took the flag, its Release is coming: consume it.
                if (Interlocked.Exchange(ref _sleeping, 0) == 0) _wake.Wait();
            }
            else
            {
                _wake.Wait();
            }
            spinStart = Stopwatch.GetTimestamp();
        }
    }
}
