namespace Glorot.IO;

/// <summary>
/// One atomic replacement of a file (<see cref="AtomicFile.Begin"/>): the bytes go to a temporary beside the
/// target; <see cref="Commit"/> flushes it to the disk, renames it over the target and flushes the directory.
/// Disposed without a commit (an exception, a full disk), it removes the temporary and the target keeps its old content.
/// </summary>
internal sealed class AtomicWriter : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private readonly FileStream _file;
    private bool _done;

    internal AtomicWriter(string target)
    {
        _target = target;
        _temporary = AtomicFile.TemporaryPath(target);
        _file = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Stream = new AtomicFile.FaultStream(_file, _temporary);
    }

    /// <summary>Where to write the new content.</summary>
    public Stream Stream { get; }

    /// <summary>Makes the new content the target's: fsync, rename, fsync of the directory.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        Stream.Flush();
        FileFaults.Before(FileOperation.Sync, _temporary);
        _file.Flush(flushToDisk: FileFaults.FlushToDisk);
        _file.Dispose();
        FileFaults.Before(FileOperation.Rename, _target);
        File.Move(_temporary, _target, overwrite: true);
        _done = true;
        AtomicFile.SyncDirectory(Path.GetDirectoryName(_target));
    }

    /// <summary>Removes the temporary unless <see cref="Commit"/> succeeded.</summary>
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _file.Dispose();
        try { File.Delete(_temporary); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { } // the original error matters more
    }
}
