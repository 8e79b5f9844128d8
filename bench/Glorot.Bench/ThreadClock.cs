using System.Runtime.InteropServices;

namespace Glorot.Bench;

/// <summary>
/// The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): on a machine shared with
/// other jobs it leaves out the time the scheduler gives them, which wall time counts, so single-threaded phases
/// compare across a load that comes and goes (memory stalls still count: the thread is running while it waits).
/// </summary>
internal static unsafe partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether this platform has the clock (Linux); elsewhere callers time with a stopwatch.</summary>
    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>CPU time of the calling thread so far, in milliseconds.</summary>
    public static double Milliseconds()
    {
        long* timespec = stackalloc long[2];
        if (clock_gettime(ClockThreadCpuTimeId, timespec) != 0) throw new InvalidOperationException("clock_gettime failed");
        return timespec[0] * 1e3 + timespec[1] / 1e6;
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, long* timespec);
}
