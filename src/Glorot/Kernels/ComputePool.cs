using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace Glorot.Kernels;

/// <summary>
/// Work that the caller and the workers share by claiming chunks until none is left. <see cref="Run"/> on the
/// caller alone must be able to finish the whole job: workers help if they get a core in time, and may join
/// late or not at all (on a shared or oversubscribed machine a thread can be descheduled for milliseconds).
/// </summary>
internal interface IComputeJob
{
    /// <summary>Claims and runs chunks until none is left. Chunks must write disjoint outputs.</summary>
    void Run();
}

/// <summary>
/// N compute threads: the calling thread plus N − 1 persistent background workers, owned by that one caller
/// (<see cref="ForCurrentThread"/>), so runs training concurrently on different threads never share or wait
/// for each other's workers. A worker spins briefly on a generation counter after each job, so back-to-back
/// GEMMs hand off in well under a microsecond, then blocks on its own semaphore so an idle pool costs nothing.
/// A job runs on at most as many threads as the process has CPUs (<see cref="Participants"/>).
/// No Parallel.For and no Task per call (a Parallel.For(0, 2) often ran both halves on the caller). The caller
/// never waits for a worker that has not started: it cancels that worker's turn and the chunks it would have
/// claimed go to whoever is running, so a loaded or oversubscribed machine degrades towards one-thread speed,
/// not below it.
/// </summary>
internal sealed class ComputePool : IDisposable
{
    /// <summary>The most threads one pool (the caller included) may have; matches <see cref="Compute.MaxThreads"/>.</summary>
    public const int MaxThreads = Compute.MaxThreads;

    // How long a worker keeps spinning for the next job before it blocks: long enough to bridge the
    // elementwise work between the GEMMs of one training step, short enough to be invisible when idle.
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    // A blocked worker wakes this often to see whether its owner thread has ended (then it exits).
    private const int OwnerCheckMilliseconds = 2000;

    [ThreadStatic] private static ComputePool? _mine;
    [ThreadStatic] private static bool _isWorker;
    [ThreadStatic] private static int _assumedProcessors;

    private readonly Thread? _owner;
    private readonly object _growLock = new();
    private Worker[] _workers = [];
    private IComputeJob? _job;
    private ExceptionDispatchInfo? _failure;
    private int _generation;
    private int _liveWorkers;
    private bool _running;
    private volatile bool _disposed;
    private volatile bool _oversubscribed;

    /// <summary>
    /// A pool whose caller is the current thread, with <paramref name="workers"/> workers to start with (it grows
    /// on demand). Its workers exit when the pool is disposed or the creating thread has ended.
    /// </summary>
    internal ComputePool(int workers = 0)
    {
        _owner = Thread.CurrentThread;
        EnsureWorkers(workers);
    }

    /// <summary>Workers started so far (the pool runs jobs on up to this many plus the caller).</summary>
    public int WorkerCount => Volatile.Read(ref _workers).Length;

    /// <summary>Worker threads that have not exited yet (for the test that they exit with their owner).</summary>
    internal int LiveWorkers => Volatile.Read(ref _liveWorkers);

    /// <summary>
    /// How many of <paramref name="threads"/> a job may run on at once: never more than the CPUs this process may
    /// use. A job is a barrier (the caller returns when the last chunk is done), so with more runnable threads
    /// than cores it waits whenever the scheduler time-slices out a thread holding a chunk: 4 threads on 2 cores
    /// ran batch-10 training steps at half the 2-thread speed (docs/BENCHMARKS.md, "Threads"). Callers cut the
    /// work for this count; the bits never depend on it.
    /// </summary>
    public static int Participants(int threads) =>
        Math.Min(threads, _assumedProcessors != 0 ? _assumedProcessors : Environment.ProcessorCount);

    /// <summary>
    /// For tests: until disposed, <see cref="Participants"/> on this thread assumes a machine with
    /// <paramref name="processors"/> CPUs, so a 2-core machine can run 8 threads at once and check their bits.
    /// </summary>
    internal static ProcessorsScope AssumeProcessors(int processors)
    {
        var scope = new ProcessorsScope(_assumedProcessors);
        _assumedProcessors = processors;
        return scope;
    }

    /// <summary>Restores the processor count assumed before <see cref="AssumeProcessors"/>.</summary>
    internal readonly struct ProcessorsScope(int previous) : IDisposable
    {
        public void Dispose() => _assumedProcessors = previous;
    }

    /// <summary>
    /// The calling thread's own pool, grown to at least <paramref name="threads"/> − 1 workers; null on a pool
    /// worker (a job that itself calls a GEMM runs it on that thread alone, with the same results).
    /// </summary>
    public static ComputePool? ForCurrentThread(int threads)
    {
        if (_isWorker) return null;
        var pool = _mine ??= new ComputePool();
        pool.EnsureWorkers(threads - 1);
        return pool;
    }

    /// <summary>
    /// Runs the job on <paramref name="threads"/> threads (the caller and threads − 1 workers, never more than
    /// the chunks can use) and returns when every chunk is done. <paramref name="threads"/> ≤ 1, or a call made
    /// from inside one of this pool's jobs, runs the job here alone (same results).
    /// </summary>
    public void Run(IComputeJob job, int threads)
    {
        var helpers = Math.Min(threads - 1, WorkerCount);
        if (helpers <= 0 || _running || _disposed)
        {
            job.Run();
            return;
        }
        _running = true;
        try
        {
            var workers = _workers;
            _job = job;
            _failure = null;
            var generation = _generation == int.MaxValue ? 1 : _generation + 1; // never 0 (= finished) or negative
            for (var i = 0; i < helpers; i++) Volatile.Write(ref workers[i].Turn, generation);
            Interlocked.Exchange(ref _generation, generation);
            for (var i = 0; i < helpers; i++) workers[i].WakeIfSleeping();

            Exception? mine = null;
            try { job.Run(); }
            catch (Exception e) { mine = e; }

            // A worker that has not started is cancelled; one that started is finishing its last chunk.
            for (var i = 0; i < helpers; i++)
            {
                if (Interlocked.CompareExchange(ref workers[i].Turn, 0, generation) == generation) continue;
                var spinner = new SpinWait();
                while (Volatile.Read(ref workers[i].Turn) != 0) spinner.SpinOnce(sleep1Threshold: -1);
            }
            _job = null;
            if (mine is not null) ExceptionDispatchInfo.Throw(mine);
            _failure?.Throw();
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Stops the workers (they exit at their next wake-up).</summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var worker in Volatile.Read(ref _workers)) worker.Wake.Release();
    }

    // Only the owner thread runs jobs, and it grows the pool only between jobs, so _workers never changes
    // under a running job; the lock guards a pool made on one thread and used from another (tests).
    private void EnsureWorkers(int count)
    {
        if (count <= _workers.Length) return;
        if (count > MaxThreads - 1)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A pool has at most {MaxThreads - 1} workers.");
        lock (_growLock)
        {
            var grown = new Worker[count];
            Array.Copy(_workers, grown, _workers.Length);
            for (var i = _workers.Length; i < count; i++)
            {
                var worker = new Worker();
                // The worker starts from the current generation, captured before its thread exists (reading it
                // inside the thread could miss the first job and hang).
                var seen = Volatile.Read(ref _generation);
                Interlocked.Increment(ref _liveWorkers);
                new Thread(() => WorkerLoop(worker, seen)) { IsBackground = true, Name = $"Glorot compute worker {i + 1}" }.Start();
                grown[i] = worker;
            }
            Volatile.Write(ref _workers, grown);
            _oversubscribed = count + 1 > Environment.ProcessorCount;
        }
    }

    private void WorkerLoop(Worker worker, int seen)
    {
        _isWorker = true;
        while (true)
        {
            var generation = WaitForJob(worker, seen);
            if (generation == 0) // disposed, or the owner thread has ended
            {
                Interlocked.Decrement(ref _liveWorkers);
                return;
            }
            seen = generation;
            if (Interlocked.CompareExchange(ref worker.Turn, -generation, generation) != generation) continue; // cancelled or not asked
            try { _job!.Run(); }
            catch (Exception e) { Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null); }
            Volatile.Write(ref worker.Turn, 0);
        }
    }

    // Spin, then sleep. The sleeping flag and the generation counter are each written with a full fence on
    // both sides (Dekker): either the caller sees the flag and releases the semaphore, or the worker sees the
    // new generation; if both happen, exactly one side takes the flag back, so every Release has one Wait.
    // Returns the new generation, or 0 when the worker should exit.
    private int WaitForJob(Worker worker, int seen)
    {
        var spinStart = Stopwatch.GetTimestamp();
        var spins = 0;
        while (true)
        {
            if (_disposed) return 0;
            var generation = Volatile.Read(ref _generation);
            if (generation != seen) return generation;
            if (Stopwatch.GetTimestamp() - spinStart < SpinTicks)
            {
                // A pool with more threads than the process has CPUs yields now and then: a pure spin would hold
                // a core that the caller or a working thread needs for the whole 200 µs. Otherwise it spins
                // only, so the next job is seen at once.
                if (_oversubscribed && ++spins % 8 == 0) Thread.Yield();
                else Thread.SpinWait(20);
                continue;
            }
            Interlocked.Exchange(ref worker.Sleeping, 1);
            if (Volatile.Read(ref _generation) != seen)
            {
                // A job arrived meanwhile. If the caller already took the flag, its Release is coming: consume it.
                if (Interlocked.Exchange(ref worker.Sleeping, 0) == 0) worker.Wake.Wait();
            }
            else
            {
                while (!worker.Wake.Wait(OwnerCheckMilliseconds))
                {
                    if (_owner is { IsAlive: false } || _disposed)
                    {
                        if (Interlocked.Exchange(ref worker.Sleeping, 0) == 1) return 0;
                        worker.Wake.Wait(); // the caller took the flag just now: its Release is coming
                        break;
                    }
                }
            }
            spinStart = Stopwatch.GetTimestamp();
        }
    }

    // One worker's hand-off state. Turn: g = offered generation g, −g = running it, 0 = finished or cancelled;
    // claimed and cancelled by compare-exchange, so exactly one side wins. Padded so that two workers' flags
    // never share a 64-byte cache line (the caller writes every Turn, each worker spins on its own).
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private sealed class Worker
    {
        [FieldOffset(64)] public int Turn;
        [FieldOffset(68)] public int Sleeping;
        [FieldOffset(0)] public readonly SemaphoreSlim Wake = new(0);

        public void WakeIfSleeping()
        {
            if (Interlocked.Exchange(ref Sleeping, 0) == 1) Wake.Release();
        }
    }
}
