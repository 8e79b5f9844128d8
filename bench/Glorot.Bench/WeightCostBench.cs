using System.Diagnostics;
using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Bench;

/// <summary>
/// What each weight-streaming product of a batch-10 training step costs per weight, for square layers of each
/// given width on one thread: the update (Gemm.MultiplyInto with the SGD step), the data gradient dX = dS·W, the
/// forward, and the fused step that does the first two in one pass. Several layers per width, so the set of
/// weights is either well inside the last-level cache (width 480: 7 MB) or far beyond it (2500: 100 MB); the
/// difference is what streaming from memory costs, the in-cache figure what the kernels cost
/// (docs/BENCHMARKS.md "Fused backward step"). <c>weight-costs [width …]</c>, best of 7 samples of ≥ 50 ms each.
/// </summary>
internal static class WeightCostBench
{
    private const int Batch = 10;

    public static int Run(string[] args)
    {
        int[] widths = args.Length > 0 ? args.Select(int.Parse).ToArray() : [480, 1000, 2500];
        using var scope = Gemm.Use(threads: 1);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"batch {Batch}, 1 thread, vector path {GemmPaths.Best}, LLC {CopyBandwidthBench.LastLevelCache()}: ns per weight");
        foreach (var width in widths)
        {
            // About 100 MB of weights, at most 8 layers: beyond any last-level cache from width ≈ 1600 on.
            int layers = Math.Clamp(100_000_000 / (width * width * sizeof(float)), 1, 8);
            var wt = Enumerable.Range(0, layers).Select(_ => new PackedMatrix(width, width)).ToArray();
            var x = Enumerable.Repeat(0.01f, Batch * width).ToArray();
            var ds = Enumerable.Repeat(0.01f, Batch * width).ToArray();
            var dx = new float[Batch * width];
            var bias = new float[width];
            var step = new FusedStepParameters(FusedStepRule.InPlace, -1e-9f, 1f);
            double weights = (double)layers * width * width;
            double NsPerWeight(Action pass)
            {
                pass();
                double best = double.MaxValue;
                for (int sample = 0; sample < 7; sample++)
                {
                    double start = clock.Elapsed.TotalMilliseconds;
                    int n = 0;
                    do { pass(); n++; } while (clock.Elapsed.TotalMilliseconds - start < 50);
                    best = Math.Min(best, (clock.Elapsed.TotalMilliseconds - start) / n);
                }
                return best * 1e6 / weights;
            }
            double update = NsPerWeight(() => { foreach (var w in wt) Gemm.MultiplyInto(w, true, false, Batch, -1e-9f, x, width, ds, width, 1f); });
            double data = NsPerWeight(() => { foreach (var w in wt) Gemm.MultiplyTransposed(Batch, 1f, ds, width, w, 0f, dx, width); });
            double forward = NsPerWeight(() => { foreach (var w in wt) Gemm.Multiply(false, Batch, 1f, x, width, w, 0f, dx, width, bias); });
            double fused = NsPerWeight(() => { foreach (var w in wt) DenseLayer.BackwardDataAndStep(ds, x, w, bias, dx, Batch, step); });
            Console.WriteLine($"  width {width} × {layers} layers ({weights * sizeof(float) / 1e6:F0} MB): update {update:F3}, dX {data:F3}, "
                + $"forward {forward:F3}, fused dX + update {fused:F3}");
        }
        return 0;
    }
}
