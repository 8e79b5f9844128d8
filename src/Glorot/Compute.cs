using System.Globalization;

namespace Glorot;

/// <summary>
/// How many threads the engine computes on: GEMMs, counter-based fills and everything built on them (training,
/// probes). Every result is bit-identical whatever the count, because the work is cut into the same pieces and
/// every sum taken in the same order for any count (docs/ENGINE.md, "Threads"); the count only sets the speed.
/// </summary>
/// <example>
/// <code>
/// Compute.DefaultThreads = 4;             // the whole process (the CLI's --threads, env GLOROT_THREADS)
/// using (Compute.Use(1)) trainer.Step(x, y); // this thread only, until disposed
/// </code>
/// </example>
public static class Compute
{
    /// <summary>The largest thread count accepted anywhere.</summary>
    public const int MaxThreads = 1024;

    /// <summary>The environment variable that sets the initial <see cref="DefaultThreads"/> (an integer 1 … 1024).</summary>
    public const string EnvironmentVariable = "GLOROT_THREADS";

    private static volatile int _default = InitialDefault();
    [ThreadStatic] private static int _override;

    /// <summary>
    /// Threads for work started on any thread outside a <see cref="Use"/> scope. Initially
    /// <c>GLOROT_THREADS</c> when that is a valid count, else <see cref="Environment.ProcessorCount"/> (the CPUs
    /// this process may run on: it follows affinity masks and container CPU limits).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in 1 … <see cref="MaxThreads"/>.</exception>
    public static int DefaultThreads
    {
        get => _default;
        set => _default = Check(value, nameof(value));
    }

    /// <summary>Threads the next GEMM or fill started on this thread will use: the innermost <see cref="Use"/>, else <see cref="DefaultThreads"/>.</summary>
    public static int Threads => _override != 0 ? _override : _default;

    /// <summary>
    /// Until the returned scope is disposed, work started on the calling thread uses <paramref name="threads"/>
    /// threads (its own pool: concurrent callers never share workers). Scopes nest; dispose in reverse order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is not in 1 … <see cref="MaxThreads"/>.</exception>
    public static Scope Use(int threads)
    {
        Check(threads, nameof(threads));
        var scope = new Scope(_override);
        _override = threads;
        return scope;
    }

    /// <summary>Restores the thread count that was in force before <see cref="Use"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly int _previous;

        internal Scope(int previous) => _previous = previous;

        /// <summary>Restores the previous count.</summary>
        public void Dispose() => _override = _previous;
    }

    /// <summary>
    /// Reads a thread count typed by a user (<paramref name="source"/> names where it came from, e.g. the
    /// environment variable), for the same one-line error everywhere.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not an integer in 1 … <see cref="MaxThreads"/>.</exception>
    public static int ParseThreads(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxThreads)
            return n;
        throw new ArgumentException($"{source} must be a thread count from 1 to {MaxThreads}, not '{text}'.");
    }

    /// <summary>The per-thread override (0 = none), for the kernels' own scopes.</summary>
    internal static int Override
    {
        get => _override;
        set => _override = value;
    }

    private static int Check(int threads, string name) =>
        threads is >= 1 and <= MaxThreads ? threads
            : throw new ArgumentOutOfRangeException(name, threads, $"Thread counts run from 1 to {MaxThreads}.");

    // An invalid GLOROT_THREADS cannot be reported from a type initializer; the CLI checks it with
    // ParseThreads and stops with a one-line error, and library users get the processor count.
    private static int InitialDefault()
    {
        var text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (text is not null)
        {
            try { return ParseThreads(text, EnvironmentVariable); }
            catch (ArgumentException) { }
        }
        return Math.Clamp(Environment.ProcessorCount, 1, MaxThreads);
    }
}
