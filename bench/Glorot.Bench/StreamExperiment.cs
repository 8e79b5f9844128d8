using System.Diagnostics;
using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Bench;

// TEMPORARY: alternates kernel configurations in one process (issue 13 §1 experiments).
internal static unsafe partial class StreamExperiment
{
    [System.Runtime.InteropServices.LibraryImport("libc")]
    private static partial int clock_gettime(int clock, long* ts);
    public static double ThreadMs() { long* ts = stackalloc long[2]; clock_gettime(3, ts); return ts[0] * 1e3 + ts[1] / 1e6; }

    public static int Run(string[] args)
    {
        int threads = int.Parse(args[0]), rounds = int.Parse(args[1]), reps = int.Parse(args[2]);
        var configs = args[3..];
        int batch = 10, width = int.TryParse(Environment.GetEnvironmentVariable("EXP_WIDTH"), out var ew) ? ew : 2500;
        int[] widths = [1024, width, width, width, width, width, 9];
        int layers = widths.Length - 1;
        using var scope = Gemm.Use(threads: threads);
        var wt = Enumerable.Range(0, layers).Select(l => new PackedMatrix(widths[l], widths[l + 1])).ToArray();
        var x = Enumerable.Range(0, layers + 1).Select(l => Enumerable.Repeat(0.01f, batch * widths[l]).ToArray()).ToArray();
        var s = Enumerable.Range(0, layers).Select(l => Enumerable.Repeat(0.001f, batch * widths[l + 1]).ToArray()).ToArray();
        var bias = Enumerable.Range(0, layers).Select(l => new float[widths[l + 1]]).ToArray();
        var dx = Enumerable.Range(0, layers).Select(l => new float[batch * widths[l]]).ToArray();
        var step0 = new FusedStepParameters(FusedStepRule.InPlace, -1e-9f, 1f);
        void Forward() { for (int l = 0; l < layers; l++) Gemm.Multiply(false, batch, 1f, x[l], widths[l], wt[l], 0f, s[l], widths[l + 1], bias[l]); }
        void Fused() { for (int l = 1; l < layers; l++) DenseLayer.BackwardDataAndStep(s[l], x[l], wt[l], bias[l], dx[l], batch, step0); }
        void Apply(string c)
        {
            // pf,groups,rows,split,fwd
            var v = c.Split(',').Take(9).Select(int.Parse).Concat(new[] { 0, 1, 0, 0 }).ToArray();
            (StreamTuning.UpdatePrefetch, StreamTuning.PartsPerThread) = (v[5], v[6] == 0 ? 1 : v[6]);
            StreamTuning.SlabChunks = c.Split(',').Length > 7 ? v[7] : 0;
            StreamTuning.RowUpdate = c.Split(',').Length > 8 ? v[8] : 0;
            (StreamTuning.DotPrefetch, StreamTuning.DotPrefetchGroups, StreamTuning.FusedRows, StreamTuning.Split, StreamTuning.ForwardPrefetch) = (v[0], v[1], v[2], v[3], v[4]);
        }
        double Time(Action body)
        {
            body();
            double best = double.MaxValue;
            for (int r = 0; r < 15; r++)
            {
                var t0 = ThreadMs();
                for (int i = 0; i < reps; i++) body();
                best = Math.Min(best, (ThreadMs() - t0) / reps);
            }
            return best;
        }
        var mlp = new Mlp(widths, Activation.Tanh, WeightFills.Normalized, seed: 1);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 1e-3f }, batch) { Threads = threads };
        var input = Enumerable.Range(0, batch * widths[0]).Select(i => MathF.Sin(i) * 0.5f).ToArray();
        var labels = Enumerable.Range(0, batch).Select(i => i % widths[^1]).ToArray();
        if (Environment.GetEnvironmentVariable("EXP_TRAINER") == "1")
        {
            for (int r = 0; r < rounds; r++)
            {
                double tf = Time(() => trainer.Pass.Forward(input, batch));
                double mf = Time(() => { for (int l = 0; l < layers; l++) Gemm.Multiply(false, batch, 1f, x[l], widths[l], mlp.PackedWeight(l), 0f, s[l], widths[l + 1], bias[l]); });
                double ef = Time(Forward);
                double ts = Time(() => trainer.Step(input, labels));
                double ff = Time(Fused);
                Console.WriteLine($"trainer fwd {tf:F2}  gemm on mlp weights {mf:F2}  gemm on own {ef:F2}  step {ts:F2}  fused own {ff:F2}");
            }
            return 0;
        }
        var mode = Environment.GetEnvironmentVariable("EXP_TRAINER");
        if (mode == "2") trainer.Step(input, labels);
        if (mode == "7") GemmScratch.ForA(GemmPaths.Mc * GemmPaths.Kc);
        if (mode == "8") { for (int l = 0; l < layers; l++) Gemm.Multiply(false, batch, 1f, x[l], widths[l], mlp.PackedWeight(l), 0f, s[l], widths[l + 1], bias[l]); }
        if (mode == "9") { var xx = new float[batch * widths[0]]; var ss = new float[batch * widths[1]]; Gemm.Multiply(false, batch, 1f, xx, widths[0], wt[0], 0f, ss, widths[1], bias[0]); }
        if (mode == "3") trainer.Pass.Forward(input, batch);
        if (mode == "5") trainer.Pass.ComputeGradients(input, labels);
        if (mode == "6") { using (Gemm.Use(threads: 1)) Gemm.Multiply(false, batch, 1f, x[0], widths[0], mlp.PackedWeight(0), 0f, s[0], widths[1], bias[0]); }
        var src = new float[28_000_000]; var dst = new float[src.Length]; Array.Fill(src, 1f); Array.Fill(dst, 0f);
        var copyMs = new List<double>(); var readMs = new List<double>(); var inplaceMs = new List<double>(); var patternMs = new List<double>();
        float sink = 0;
        var fwd = configs.ToDictionary(c => c, _ => new List<double>());
        var fus = configs.ToDictionary(c => c, _ => new List<double>());
        var dxs = configs.ToDictionary(c => c, _ => new List<double>());
        void DataOnly() { for (int l = 1; l < layers; l++) Gemm.MultiplyTransposed(batch, 1f, s[l], widths[l + 1], wt[l], 0f, dx[l], widths[l]); }
        for (int r = 0; r < rounds; r++)
            foreach (var c in configs)
            {
                if (c == configs[0])
                {
                    copyMs.Add(Time(() => src.AsSpan().CopyTo(dst)));
                    readMs.Add(Time(() => sink += System.Numerics.Tensors.TensorPrimitives.Sum<float>(src)));
                    patternMs.Add(Time(() =>
                    {
                        for (int l = 1; l < layers; l++)
                        {
                            var m = wt[l];
                            for (int r0 = 0; r0 < m.Rows; r0 += 32)
                                for (int q = 0; q < m.Panels; q++)
                                {
                                    var span = new Span<float>(m.Data + q * m.PanelStride + r0 * 32, Math.Min(32, m.Rows - r0) * 32);
                                    System.Numerics.Tensors.TensorPrimitives.Multiply(span, 1.0000001f, span);
                                }
                        }
                    }));
                    inplaceMs.Add(Time(() => System.Numerics.Tensors.TensorPrimitives.Multiply(dst, 1.0000001f, dst)));
                }
                Apply(c);
                fwd[c].Add(Time(Forward));
                if (mode is not null) Console.Write($"{fwd[c][^1]:F1} ");
                fus[c].Add(Time(Fused));
                dxs[c].Add(Time(DataOnly));
            }
        double Med(List<double> l) { var o = l.OrderBy(d => d).ToArray(); return o[o.Length / 2]; }
        double wBytes = wt.Sum(w => (double)w.Panels * w.PanelStride * 4), w1 = wBytes - (double)wt[0].Panels * wt[0].PanelStride * 4;
        Console.WriteLine($"copy 112 MB: {2 * 112e6 / Med(copyMs) / 1e6:F1} GB/s (r+w)  read (sum) 112 MB: {112e6 / Med(readMs) / 1e6:F1} GB/s  in place x*=c (r+w): {2 * 112e6 / Med(inplaceMs) / 1e6:F1} GB/s  fused pattern x*=c: {2 * w1 / Med(patternMs) / 1e6:F1} GB/s {sink > 0}");
        foreach (var c in configs)
        {
            var rf = fwd[c].Zip(fwd[configs[0]], (a, b) => b / a).ToList();
            var ru = fus[c].Zip(fus[configs[0]], (a, b) => b / a).ToList();
            Console.WriteLine($"{c,-14} fwd {Med(fwd[c]),7:F2} ms {wBytes / Med(fwd[c]) / 1e6,5:F1} GB/s x{Med(rf):F2} [{rf.Min():F2}-{rf.Max():F2}]   fused {Med(fus[c]),7:F2} ms {2 * w1 / Med(fus[c]) / 1e6,5:F1} GB/s x{Med(ru):F2} [{ru.Min():F2}-{ru.Max():F2}]   dX {Med(dxs[c]),6:F2} ms {w1 / Med(dxs[c]) / 1e6,5:F1} GB/s x{Med(dxs[c].Zip(dxs[configs[0]], (a, b) => b / a).ToList()):F2}");
        }
        return 0;
    }
}
