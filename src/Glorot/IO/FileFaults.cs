namespace Glorot.IO;

/// <summary>The file operations <see cref="AtomicFile"/> performs, each a point where a test can inject a fault.</summary>
internal enum FileOperation
{
    Write,
    Sync,
    Rename,
    Truncate,
    CreateDirectory,
    Delete,
}

/// <summary>
/// Thrown by the fault seam to stand for a kill of the process: nothing catches it, and the files are left as a
/// kill at that point would leave them (a torn write keeps the bytes that reached the file).
/// </summary>
internal sealed class SimulatedCrash(FileOperation operation, string path)
    : Exception($"simulated kill at {operation} of {path}")
{
    public FileOperation Operation { get; } = operation;
    public string PathName { get; } = path;
}

/// <summary>
/// Counts the file operations of the current logical call (an <see cref="AsyncLocal{T}"/>, so tests running in
/// parallel do not see each other's faults) and fails the k-th one: with <see cref="SimulatedCrash"/> (a kill), or
/// with the exception <see cref="Failure"/> makes (a full disk). A failing write first writes half its bytes.
/// </summary>
internal sealed class FileFaults
{
    private static readonly AsyncLocal<FileFaults?> Active = new();

    /// <summary>The 0-based index of the operation that fails; −1: none (only count).</summary>
    public long FailAt { get; init; } = -1;

    /// <summary>Makes the exception of the failing operation; null: <see cref="SimulatedCrash"/>.</summary>
    public Func<FileOperation, string, Exception>? Failure { get; init; }

    /// <summary>Count syncs but skip the fsync itself: a simulated kill loses nothing the page cache holds (only a power
    /// cut would), so a test of kills need not wait for the disk.</summary>
    public bool SkipDiskFlush { get; init; }

    /// <summary>Whether the current call should really flush to the disk.</summary>
    internal static bool FlushToDisk => Active.Value is not { SkipDiskFlush: true };

    /// <summary>Operations seen so far.</summary>
    public long Count { get; private set; }

    /// <summary>Every operation seen, in order (for a test's report).</summary>
    public List<(FileOperation Operation, string Path)> Log { get; } = [];

    /// <summary>Installs <paramref name="faults"/> for the current logical call until disposed.</summary>
    public static IDisposable Install(FileFaults faults)
    {
        var previous = Active.Value;
        Active.Value = faults;
        return new Restore(() => Active.Value = previous);
    }

    internal static void Before(FileOperation operation, string path)
    {
        if (Active.Value is { } faults && faults.Next(operation, path))
            throw faults.Fail(operation, path);
    }

    // The number of bytes of a failing write that reach the file before it fails, or −1 when it does not fail.
    internal static int BeforeWrite(string path, int length)
    {
        if (Active.Value is not { } faults || !faults.Next(FileOperation.Write, path)) return -1;
        if (faults.Failure is not null) throw faults.Fail(FileOperation.Write, path);
        return length / 2;
    }

    private bool Next(FileOperation operation, string path)
    {
        Log.Add((operation, path));
        return Count++ == FailAt;
    }

    private Exception Fail(FileOperation operation, string path) =>
        Failure?.Invoke(operation, path) ?? new SimulatedCrash(operation, path);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
