namespace Glorot.Kernels;

/// <summary>Runs two pieces of work at once: the second on a pool thread, the first on the caller.</summary>
internal static class TwoWay
{
    public static void Run(Action first, Action second)
    {
        var other = Task.Factory.StartNew(second, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        first();
        other.Wait();
    }
}
