using System.Diagnostics;
using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Bench;

/// <summary>
/// Where the time of one training step of 1024-W×5-9 goes (W = 1000, the paper's network, unless given): each
/// kind of product over all layers, and the element-wise passes, timed separately (best of N), with the rate at
/// which the weight-streaming phases move W. <c>train-phases [batch] [threads] [reps] [width]</c>; width 2500
/// puts the weights (112 MB) beyond a 32 MB last-level cache (docs/BENCHMARKS.md "Fused backward step").
/// </summary>
internal static class TrainStepPhases
{
    public static int Run(string[] args)
    {
        int batch = args.Length > 0 ? int.Parse(args[0]) : 10;
        int threads = args.Length > 1 ? int.Parse(args[1]) : 2;
        int reps = args.Length > 2 ? int.Parse(args[2]) : 200;
        int width = args.Length > 3 ? int.Parse(args[3]) : 1000;
        int[] widths = [1024, width, width, width, width, width, 9];
        int layers = widths.Length - 1;
        using var scope = Gemm.Use(threads: threads);
        var wt = Enumerable.Range(0, layers).Select(l => new PackedMatrix(widths[l], widths[l + 1])).ToArray();
        var x = Enumerable.Range(0, layers + 1).Select(l => Enumerable.Repeat(0.01f, batch * widths[l]).ToArray()).ToArray();
        var s = Enumerable.Range(0, layers).Select(l => new float[batch * widths[l + 1]]).ToArray();
        var bias = Enumerable.Range(0, layers).Select(l => new float[widths[l + 1]]).ToArray();

        // One thread: its CPU time, so the load of other jobs on a shared machine drops out; more: wall time.
        var cpuTime = threads == 1 && ThreadClock.IsAvailable;
        var wall = Stopwatch.StartNew();
        double Now() => cpuTime ? ThreadClock.Milliseconds() : wall.Elapsed.TotalMilliseconds;
        double Time(Action body)
        {
            for (int i = 0; i < 5; i++) body();
            double best = double.MaxValue;
            for (int r = 0; r < 5; r++)
            {
                double start = Now();
                for (int i = 0; i < reps; i++) body();
                best = Math.Min(best, (Now() - start) / reps);
            }
            return best;
        }

        // Bytes of packed Wᵀ one pass over every layer moves (the padding of the last panel included).
        double weightBytes = wt.Sum(w => (double)w.Panels * w.PanelStride * sizeof(float));
        double layers1Bytes = weightBytes - (double)wt[0].Panels * wt[0].PanelStride * sizeof(float);
        var phases = new (string Name, Action Body)[]
        {
            ("forward GEMM + bias", () => { for (int l = 0; l < layers; l++) Gemm.Multiply(false, batch, 1f, x[l], widths[l], wt[l], 0f, s[l], widths[l + 1], bias[l]); }),
            ("tanh forward", () => { for (int l = 0; l < layers - 1; l++) Activations.Forward(Activation.Tanh, s[l], x[l + 1]); }),
            ("tanh backward", () => { for (int l = 0; l < layers - 1; l++) Activations.Backward(Activation.Tanh, s[l], x[l + 1], s[l], s[l]); }),
            ("backward data GEMM", () => { for (int l = 1; l < layers; l++) Gemm.MultiplyTransposed(batch, 1f, s[l], widths[l + 1], wt[l], 0f, x[l], widths[l]); }),
            ("weight GEMM + fused SGD", () => { for (int l = 0; l < layers; l++) Gemm.MultiplyInto(wt[l], true, false, batch, -1e-9f, x[l], widths[l], s[l], widths[l + 1], 1f); }),
            ("bias gradient + SGD", () => { for (int l = 0; l < layers; l++) SgdKernels.ColumnSums(s[l], batch, widths[l + 1], -1e-9f, 1f, bias[l]); }),
        };
        double total = 0;
        Console.WriteLine($"1024-{width}x5-9, batch {batch}, {threads} thread(s): ms per step by phase (best of 5 × {reps}, {(cpuTime ? "thread CPU time" : "wall time")})");
        foreach (var (name, body) in phases)
        {
            double ms = Time(body);
            total += ms;
            var rate = name.StartsWith("forward") ? $"  (W read once: {weightBytes / ms / 1e6:F1} GB/s)" : "";
            Console.WriteLine($"  {name,-26} {ms,8:F3} ms{rate}");
        }
        Console.WriteLine($"  {"sum",-26} {total,8:F3} ms  → {1000 / total:F1} steps/s");
        // The trainer's default instead of the two GEMMs above for layers ≥ 1: one pass over each W (issue 13 §1).
        var dx = Enumerable.Range(0, layers).Select(l => new float[batch * widths[l]]).ToArray();
        var step0 = new FusedStepParameters(FusedStepRule.InPlace, -1e-9f, 1f);
        double fused = Time(() => { for (int l = 1; l < layers; l++) DenseLayer.BackwardDataAndStep(s[l], x[l], wt[l], bias[l], dx[l], batch, step0); });
        double unfused = Time(() =>
        {
            for (int l = 1; l < layers; l++)
            {
                DenseLayer.BackwardData(s[l], wt[l], dx[l], batch);
                DenseLayer.WeightGradient(s[l], x[l], -1e-9f, 1f, wt[l], bias[l], batch);
            }
        });
        Console.WriteLine($"  layers 1-{layers - 1}: data + weight GEMMs + bias {unfused,8:F3} ms, fused in one pass {fused,8:F3} ms"
            + $"  (W read and written once: {2 * layers1Bytes / fused / 1e6:F1} GB/s)");

        // The same work through the trainer, for the overhead outside the kernels.
        var mlp = new Mlp(widths, Activation.Tanh, WeightFills.Normalized, seed: 1);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 1e-3f }, batch) { Threads = threads };
        var input = Enumerable.Range(0, batch * widths[0]).Select(i => MathF.Sin(i) * 0.5f).ToArray();
        var labels = Enumerable.Range(0, batch).Select(i => i % widths[^1]).ToArray();
        double evaluate = Time(() => trainer.Pass.Evaluate(input, labels, out _));
        double step = Time(() => trainer.Step(input, labels));
        Console.WriteLine($"  {"NetworkPass.Evaluate",-26} {evaluate,8:F3} ms  (forward + loss)");
        Console.WriteLine($"  {"SgdTrainer.Step",-26} {step,8:F3} ms  → {1000 / step:F1} steps/s");
        // The two-pass step the fused one replaced, and global-norm clipping, which needs it (issue 13 §1).
        foreach (var (name, options, fusedStep) in new[]
        {
            ("Step, two passes", new SgdOptions { LearningRate = 1e-3f }, false),
            ("Step, clip-norm 1e6", new SgdOptions { LearningRate = 1e-3f, ClipGlobalNorm = 1e6f }, true),
        })
        {
            var other = new SgdTrainer(new Mlp(widths, Activation.Tanh, WeightFills.Normalized, seed: 1), options, batch) { Threads = threads, FusedBackwardStep = fusedStep };
            double ms = Time(() => other.Step(input, labels));
            Console.WriteLine($"  {name,-26} {ms,8:F3} ms  → {1000 / ms:F1} steps/s");
        }
        return 0;
    }
}
