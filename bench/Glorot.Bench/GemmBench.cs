using System.Diagnostics;
using System.Text.Json;
using Glorot.Kernels;

namespace Glorot.Bench;

/// <summary>
/// <c>gemm</c>: GFLOP/s of the managed GEMM (and OpenBLAS through the same entry point, when installed) on 1000³
/// and on the three products of a 1024-1000×5-9 MLP layer at batch 10, 100 and 1000, with 1 and 2 threads.
/// Each figure is the best of --runs samples; a sample repeats the call for at least 30 ms.
/// </summary>
internal static class GemmBench
{
    /// <summary>FP32 FMA peak of one core of the machine it runs on, measured (an FMA-only loop).</summary>
    private static readonly double PeakPerCore = FmaPeak.GflopPerCore();

    private sealed record Row(string Case, string Engine, int Threads, int M, int N, int K, double Milliseconds,
        double Gflops, double FractionOfPeak, double? VsOpenBlas);

    public static int Run(string[] args)
    {
        var runs = 5;
        var json = false;
        var openBlas = OpenBlasGemm.IsAvailable;
        int[] threadCounts = [1, 2];
        int[] batches = [10, 100, 1000];
        var filter = "";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[++i]); break;
                case "--json": json = true; break;
                case "--no-openblas": openBlas = false; break;
                case "--threads": threadCounts = args[++i].Split(',').Select(int.Parse).ToArray(); break;
                case "--batches": batches = args[++i].Split(',').Select(int.Parse).ToArray(); break;
                case "--only": filter = args[++i]; break;
                default:
                    Console.Error.WriteLine($"gemm: unknown option {args[i]} (options: --runs N, --threads 1,2, " +
                                            "--batches 10,100,1000, --only TEXT, --no-openblas, --json)");
                    return 2;
            }
        }

        Console.WriteLine($"# gemm: path {Gemm.Path}, best of {runs}; OpenBLAS: {OpenBlasGemm.Description}");
        var rows = new List<Row>();
        foreach (var threads in threadCounts)
        {
            // OpenBLAS time of the same product (the packed variants are compared with the plain one before them).
            double? anchorMs = null;
            foreach (var (name, m, n, k, managed, native) in Cases(batches))
            {
                if (filter.Length > 0 && !name.Contains(filter, StringComparison.Ordinal)) continue;
                if (native is not null && openBlas)
                {
                    var anchor = Measure(name, "openblas", threads, m, n, k, runs, native, true, null);
                    rows.Add(anchor);
                    anchorMs = anchor.Milliseconds;
                }
                rows.Add(Measure(name, "managed", threads, m, n, k, runs, managed, false, anchorMs));
            }
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }

    // (case, m, n, k, managed call, the same product through OpenBLAS or null where it has no equivalent).
    private static IEnumerable<(string, int, int, int, Action, Action?)> Cases(int[] batches)
    {
        {
            const int s = 1000;
            var a = Fill(s * s, 1);
            var b = Fill(s * s, 2);
            var c = new float[s * s];
            Action plain = () => Gemm.Multiply(false, false, s, s, s, 1f, a, s, b, s, 0f, c, s);
            yield return ("square 1000³", s, s, s, plain, plain);
        }
        foreach (var batch in batches)
        {
            // Layer 1 of the MLP (in = 1024) for the forward and weight gradient, a 1000 → 1000 layer for
            // backward data (layer 1 needs none). W is [out × in] (PyTorch order); Wᵀ packed [in × out].
            const int outputs = 1000;
            foreach (var inputs in new[] { 1024, 1000 })
            {
                var w = Fill(outputs * inputs, 3);
                var wt = new PackedMatrix(inputs, outputs);
                wt.Pack(w, inputs, transposed: true);
                var wtRowMajor = new float[inputs * outputs];
                wt.Unpack(wtRowMajor, outputs, transposed: false);
                var x = Fill(batch * inputs, 4);
                var dy = Fill(batch * outputs, 5);
                var y = new float[batch * outputs];
                var dx = new float[batch * inputs];
                var bias = Fill(outputs, 6);
                var lr = -1e-3f / batch;
                var tag = $"b{batch} {inputs}→{outputs}";

                Action fwd = () => Gemm.Multiply(false, true, batch, outputs, inputs, 1f, x, inputs, w, inputs, 0f, y, outputs);
                yield return ($"fwd {tag} X·Wᵀ", batch, outputs, inputs, fwd, fwd);
                yield return ($"fwd {tag} packed+bias", batch, outputs, inputs,
                    () => Gemm.Multiply(false, batch, 1f, x, inputs, wt, 0f, y, outputs, bias), null);

                if (inputs == 1000)
                {
                    Action bwd = () => Gemm.Multiply(false, false, batch, inputs, outputs, 1f, dy, outputs, w, inputs, 0f, dx, inputs);
                    yield return ($"bwd {tag} dY·W", batch, inputs, outputs, bwd, bwd);
                    yield return ($"bwd {tag} packed", batch, inputs, outputs,
                        () => Gemm.MultiplyTransposed(batch, 1f, dy, outputs, wt, 0f, dx, inputs), null);
                }
                else
                {
                    // Wᵀ += (−lr/B)·Xᵀ·dY: the weight gradient with the SGD step fused (β = 1).
                    Action wgrad = () => Gemm.Multiply(true, false, inputs, outputs, batch, lr, x, inputs, dy, outputs, 1f, wtRowMajor, outputs);
                    yield return ($"wgrad+sgd {tag} Xᵀ·dY", inputs, outputs, batch, wgrad, wgrad);
                    yield return ($"wgrad+sgd {tag} packed", inputs, outputs, batch,
                        () => Gemm.MultiplyInto(wt, true, false, batch, lr, x, inputs, dy, outputs, 1f), null);
                }
            }
        }
    }

    private static Row Measure(string name, string engine, int threads, int m, int n, int k, int runs, Action call,
        bool native, double? anchorMs)
    {
        using var scope = Gemm.Use(threads: threads, openBlas: native);
        call(); // warm up: JIT, scratch buffers, OpenBLAS thread start
        var best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var calls = 0;
            var watch = Stopwatch.StartNew();
            do
            {
                call();
                calls++;
            } while (watch.Elapsed.TotalMilliseconds < 30);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds / calls);
        }
        var gflops = 2.0 * m * n * k / (best * 1e6);
        var row = new Row(name, engine, threads, m, n, k, best, gflops, gflops / (PeakPerCore * Math.Min(threads, Environment.ProcessorCount)), anchorMs / best);
        var ratio = row.VsOpenBlas is { } vs ? $"  {vs,5:F2}× OpenBLAS" : "";
        Console.WriteLine($"{name,-34} {engine,-8} T={threads}  {best,9:F4} ms  {gflops,7:F1} GFLOP/s  {100 * row.FractionOfPeak,5:F1} % of peak{ratio}");
        return row;
    }

    private static float[] Fill(int length, ulong stream)
    {
        var rng = new Glorot.Random.RandomStream(2010, stream);
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = rng.NextFloat() - 0.5f;
        return values;
    }
}
