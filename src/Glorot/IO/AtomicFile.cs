using System.Text;

namespace Glorot.IO;

/// <summary>
/// Every file this toolkit writes goes through here, so that a kill, a crash or a full disk at any byte leaves
/// either the old content or the new one, never a mix. A whole file is written to a temporary beside it,
/// flushed to the disk (fsync), renamed over the target (rename is atomic within a directory, POSIX rename(2)),
/// and the directory is flushed so that the rename itself survives a power cut. Appends are plain appends: a
/// reader that knows how long the file was at its last checkpoint (<see cref="Truncate"/>) cuts a torn tail off.
/// </summary>
/// <remarks>
/// The pattern is the one SQLite and PostgreSQL document for durable replacement (write, fsync, rename, fsync
/// the directory; see also "Files are hard", Dan Luu 2015). Tests reach every operation through an internal
/// fault seam (<see cref="FileFaults"/>) to simulate a kill at any of them.
/// </remarks>
internal static class AtomicFile
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no byte-order mark), atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> puts into the stream it is given, atomically:
    /// on any exception the target is untouched and the temporary is removed.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var writer = Begin(path);
        write(writer.Stream);
        writer.Commit();
    }

    /// <summary>
    /// Starts an atomic replacement of <paramref name="path"/>: write into <see cref="AtomicWriter.Stream"/>, then
    /// <see cref="AtomicWriter.Commit"/>; disposing without a commit leaves the target untouched.
    /// </summary>
    public static AtomicWriter Begin(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new AtomicWriter(Path.GetFullPath(path));
    }

    /// <summary>Appends <paramref name="text"/> (UTF-8) to <paramref name="path"/>, creating it if needed. Not synced: see <see cref="Sync"/>.</summary>
    public static void AppendText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var guarded = new FaultStream(file, path);
        guarded.Write(new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>Flushes <paramref name="path"/>'s content to the disk (fsync).</summary>
    public static void Sync(string path)
    {
        FileFaults.Before(FileOperation.Sync, path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Flush(flushToDisk: FileFaults.FlushToDisk);
    }

    /// <summary>
    /// Cuts <paramref name="path"/> to its first <paramref name="length"/> bytes and flushes it: one ftruncate(2), so
    /// a kill leaves the file either as it was or cut. Appends that follow start at the cut.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is shorter than <paramref name="length"/> (it lost data it had).</exception>
    public static void Truncate(string path, long length)
    {
        FileFaults.Before(FileOperation.Truncate, path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (file.Length < length)
            throw new InvalidDataException($"{path}: holds {file.Length} bytes, fewer than the {length} recorded at the checkpoint; the file lost data.");
        if (file.Length == length) return;
        file.SetLength(length);
        file.Flush(flushToDisk: FileFaults.FlushToDisk);
    }

    /// <summary>Creates <paramref name="path"/> and its parents (a fault point for tests).</summary>
    public static void CreateDirectory(string path)
    {
        FileFaults.Before(FileOperation.CreateDirectory, path);
        Directory.CreateDirectory(path);
    }

    /// <summary>Deletes a file if it exists, and flushes its directory.</summary>
    public static void Delete(string path)
    {
        if (!File.Exists(path)) return;
        FileFaults.Before(FileOperation.Delete, path);
        File.Delete(path);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Deletes a directory tree if it exists.</summary>
    public static void DeleteDirectory(string path)
    {
        if (!Directory.Exists(path)) return;
        FileFaults.Before(FileOperation.Delete, path);
        Directory.Delete(path, recursive: true);
    }

    /// <summary>The temporary a write of <paramref name="path"/> goes through: beside it, hidden, same extension.</summary>
    public static string TemporaryPath(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string name = Path.GetFileName(path);
        return Path.Combine(directory, "." + name + ".tmp" + Path.GetExtension(name));
    }

    /// <summary>Flushes a directory's entries (a rename or a new file in it) to the disk; POSIX only (Windows has no such call).</summary>
    public static void SyncDirectory(string? directory)
    {
        if (directory is null || !Posix.Available) return;
        FileFaults.Before(FileOperation.Sync, directory);
        if (!FileFaults.FlushToDisk) return;
        int fd = Posix.Open(directory, Posix.ReadOnly | Posix.DirectoryFlag);
        if (fd < 0) return; // best effort: some file systems refuse to open a directory; the rename is still atomic
        try { Posix.Fsync(fd); }
        finally { Posix.Close(fd); }
    }

    // Every write of user data passes through the fault seam in chunks of at most 1 MiB, which is also what lets
    // a "kill" land in the middle of a file.
    internal sealed class FaultStream(Stream inner, string path) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                var chunk = buffer[..Math.Min(ChunkBytes, buffer.Length)];
                int torn = FileFaults.BeforeWrite(path, chunk.Length);
                if (torn >= 0)
                {
                    // A kill after part of this write reached the file.
                    inner.Write(chunk[..torn]);
                    inner.Flush();
                    throw new SimulatedCrash(FileOperation.Write, path);
                }
                inner.Write(chunk);
                buffer = buffer[chunk.Length..];
            }
        }
    }
}
