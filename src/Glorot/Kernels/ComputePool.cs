using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Glorot.Kernels;

/// <summary>
/// Work that the caller and the worker share by claiming chunks until none is left. <see cref="Run"/> on the
/// caller alone must be able to finish the whole job: the worker helps if it gets a core in time, and may join
/// late or not at all (on a shared machine it can be descheduled for milliseconds).
/// </summary>
internal interface IComputeJob
{
    /// <summary>Claims and runs chunks until none is left. Chunks must write disjoint outputs.</summary>
    void Run();
}

/// <summary>
/// Exactly two compute threads: the caller and one persistent background worker (the machine has 2 cores,
/// performance.md §1.1). The worker spins briefly on a generation counter after each job, so back-to-back
/// GEMMs hand off in well under a microsecond, then blocks on a semaphore so an idle worker never steals the
/// core the GC or the JIT need (§3.6). No Parallel.For and no Task per call (§3.6: Parallel.For(0, 2) often ran
/// both halves on the caller). The caller never waits for a worker that has not started: it cancels the
/// worker's turn and finishes the chunks itself, so a loaded machine degrades to one-thread speed, not worse.
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
    private int _sleeping;

    // The worker's turn for the current job: g = offered for generation g, −g = the worker is running it,
    // 0 = finished or cancelled. Claimed and cancelled by compare-exchange, so exactly one side wins.
    private int _turn;

    /// <summary>A pool with its own worker thread (the GEMMs use <see cref="Shared"/>; tests make their own).</summary>
    internal ComputePool()
    {
        // The worker starts from the current generation, captured before the thread exists (§3.6: reading it
        // inside the thread lost the first job and hung the prototype).
        var seen = _generation;
        var worker = new Thread(() => WorkerLoop(seen)) { IsBackground = true, Name = "Glorot compute worker" };
        worker.Start();
    }

    /// <summary>
    /// Runs the job on the calling thread with the worker's help and returns when every chunk is done. If the
    /// pool is busy with another caller's job, the job runs here alone (same results).
    /// </summary>
    public void Run(IComputeJob job)
    {
        if (!Monitor.TryEnter(_gate))
        {
            job.Run();
            return;
        }
        try
        {
            _job = job;
            _failure = null;
            var generation = _generation == int.MaxValue ? 1 : _generation + 1; // never 0 (= finished) or negative
            Volatile.Write(ref _turn, generation);
            Interlocked.Exchange(ref _generation, generation);
            if (Interlocked.Exchange(ref _sleeping, 0) == 1) _wake.Release();

            Exception? mine = null;
            try { job.Run(); }
            catch (Exception e) { mine = e; }

            // Not started yet: cancel its turn. Started: wait for its last chunk.
            if (Interlocked.CompareExchange(ref _turn, 0, generation) != generation)
            {
                var spinner = new SpinWait();
                while (Volatile.Read(ref _turn) != 0) spinner.SpinOnce(sleep1Threshold: -1);
            }
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
            if (Interlocked.CompareExchange(ref _turn, -generation, generation) != generation) continue; // cancelled
            try { _job!.Run(); }
            catch (Exception e) { _failure = ExceptionDispatchInfo.Capture(e); }
            Volatile.Write(ref _turn, 0);
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
