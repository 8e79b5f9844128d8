using Glorot.Kernels;

namespace Glorot.Probes;

/// <summary>
/// Runs the independent pieces of one probe's statistics (a summary of one quantity of one layer, the weight
/// variance of one layer, …) on the probe's compute threads: the caller and its <see cref="ComputePool"/> workers
/// claim them in list order until none is left. A piece reads shared inputs and writes only its own result, so who
/// runs it and when cannot change a bit; each runs on the caller's GEMM path, single-threaded, as it would alone.
/// </summary>
internal static class ProbePieces
{
    /// <summary>Runs every piece once, on up to <paramref name="threads"/> threads; returns when all are done.</summary>
    public static void Run(IReadOnlyList<Action> pieces, int threads)
    {
        if (threads <= 1)
        {
            foreach (var piece in pieces) piece();
            return;
        }
        // A worker's GEMM would otherwise use its own thread's path (tests force one per thread) and thread count.
        var path = Gemm.Path;
        ParallelRange.Run(pieces.Count, 1, threads, (index, _) =>
        {
            using var gemm = Gemm.Use(path, threads: 1);
            pieces[(int)index]();
        });
    }
}
