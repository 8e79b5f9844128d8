using System.Globalization;

namespace Glorot.Lab.Runs;

/// <summary>
/// An exclusive operating-system lock on a run directory, held for the run's life: a second process (or a second
/// run in this one) on the same directory gets a one-line error naming the holder instead of interleaving its
/// writes with the first's. The lock is <c>RUN/.lock</c> opened with <see cref="FileShare.None"/> (flock(2) on
/// Linux and macOS, a sharing lock on Windows); the kernel releases it when the process dies, however it dies.
/// </summary>
internal sealed class RunLock : IDisposable
{
    public const string FileName = ".lock";

    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="root"/> (which must exist).</summary>
    /// <exception cref="IOException">Another process (or run) holds it; the message names its PID when known.</exception>
    public static RunLock Acquire(string root)
    {
        string path = Path.Combine(root, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new IOException($"{root} is in use by {Holder(path)}; wait for it to finish (or stop it) before running there again.", ex);
        }
        // Who holds it, for the error of the next one to try; the lock itself is the open handle, not this text.
        stream.SetLength(0);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId}\nhost {Environment.MachineName}\nsince {DateTime.UtcNow:O}\n"));
        stream.Flush();
        return new RunLock(stream);
    }

    public void Dispose() => _stream.Dispose();

    private static string Holder(string path)
    {
        // Read without taking a lock (the holder's exclusive flock refuses .NET's shared one); on Windows, where the
        // holder's handle forbids any reading, the error goes without the PID.
        var pid = Glorot.IO.Posix.ReadUnlocked(path)?.Split('\n').FirstOrDefault(l => l.StartsWith("pid ", StringComparison.Ordinal));
        return pid is null ? "another glorot process" : $"another glorot process (PID {pid[4..]})";
    }
}
