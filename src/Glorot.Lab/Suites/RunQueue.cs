using System.Runtime.ExceptionServices;

namespace Glorot.Lab.Suites;

/// <summary>
/// Runs independent pieces of work on up to J OS threads of their own (a training run is minutes of CPU-bound work,
/// not a task for the thread pool), taking them in the order given; results come back in that order.
/// </summary>
internal static class RunQueue
{
    public static T[] Execute<T>(IReadOnlyList<Func<T>> work, int jobs)
    {
        var results = new T[work.Count];
        if (jobs <= 1 || work.Count <= 1)
        {
            for (int i = 0; i < work.Count; i++) results[i] = work[i]();
            return results;
        }
        int next = -1;
        ExceptionDispatchInfo? failure = null;
        var threads = Enumerable.Range(0, Math.Min(jobs, work.Count)).Select(j => new Thread(() =>
        {
            // After a failure no new work starts; work already running finishes (or sees the cancellation token).
            while (Volatile.Read(ref failure) is null)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= work.Count) return;
                try { results[i] = work[i](); }
                catch (Exception ex) { Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null); }
            }
        }) { IsBackground = true, Name = $"glorot run {j}" }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        failure?.Throw();
        return results;
    }
}
