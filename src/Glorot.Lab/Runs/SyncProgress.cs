namespace Glorot.Lab.Runs;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread, at once. <see cref="Progress{T}"/> posts to a
/// synchronization context instead, which a console application does not have, so reports would arrive late and
/// out of order on the thread pool.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
