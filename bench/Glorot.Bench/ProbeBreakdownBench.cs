using System.Diagnostics;
using System.Numerics.Tensors;
using Glorot.Data;
using Glorot.Nn;
using Glorot.Numerics;
using Glorot.Probes;

namespace Glorot.Bench;

/// <summary>
/// Where one probe's time goes (issue 13 §4): the paper's deepest network (tanh 1024-1000×5-9, standard init,
/// optionally trained first) probed as the lab probes it (300 Shapeset test examples in chunks of 100, 30 per-example
/// weight gradients per layer), each part timed on its own over all hidden layers, best of R: the forward/backward
/// pass, the moments, exact percentiles, histograms of s, z and dL/ds, the 98th percentile of |z|, the per-example
/// weight-gradient statistics (sorting and moments, histogram runs, sketch percentiles), Var(W), and the whole probe
/// (wall time, and processor time over all threads); and, apart, the record's text a run writes after each probe.
/// Usage: <c>probe-breakdown [--runs R] [--updates U] [--weight-gradients G]</c>.
/// </summary>
internal static class ProbeBreakdownBench
{
    private const int Examples = 300, Chunk = 100, Bins = 100;

    public static int Run(string[] args)
    {
        int runs = BenchArgs.Int(args, "--runs", 5);
        int updates = BenchArgs.Int(args, "--updates", 0);
        int weightGradients = BenchArgs.Int(args, "--weight-gradients", 30);
        var mlp = new Mlp(1024, [1000, 1000, 1000, 1000, 1000], 9, Activation.Tanh);
        mlp.Initialize(WeightFills.Standard, 0);
        if (updates > 0) Train(mlp, updates);
        var test = Shapeset.Test();
        var x = new float[Examples * test.InputSize];
        var y = new int[Examples];
        test.Fill([.. Enumerable.Range(0, Examples).Select(i => (long)i)], x, y);

        int hidden = mlp.LayerCount - 1;
        var s = new float[hidden][];
        var z = new float[hidden][];
        var ds = new float[hidden][];
        var pass = new NetworkPass(mlp, Chunk);
        void ForwardBackward()
        {
            for (int start = 0; start < Examples; start += Chunk)
            {
                pass.ComputeGradients(x.AsSpan(start * 1024, Chunk * 1024), y.AsSpan(start, Chunk));
                for (int l = 0; l < hidden; l++)
                {
                    s[l] ??= new float[Examples * 1000];
                    z[l] ??= new float[Examples * 1000];
                    ds[l] ??= new float[Examples * 1000];
                    pass.PreActivations(l).CopyTo(s[l].AsSpan(start * 1000));
                    pass.Outputs(l).CopyTo(z[l].AsSpan(start * 1000));
                    pass.PreActivationGradients(l).CopyTo(ds[l].AsSpan(start * 1000));
                }
            }
        }
        var all = Enumerable.Range(0, hidden).SelectMany(l => new[] { s[l], z[l], ds[l] }).ToArray;

        var rows = new List<(string Part, double Seconds)>
        {
            ("forward + backward, 300 examples in chunks of 100", Best(runs, ForwardBackward)),
        };
        var quantities = all();
        rows.Add(("moments of s, z, dL/ds (StreamingMoments.Of)", Best(runs, () => { foreach (var q in quantities) StreamingMoments.Of(q); })));
        rows.Add(("exact p1, p99 of s, z, dL/ds (Percentiles.Of)", Best(runs, () => { foreach (var q in quantities) Percentiles.Of(q, Percentiles.CentralNinetyEight); })));
        rows.Add(("histograms of s, z, dL/ds (Histogram.Add)", Best(runs, () =>
        {
            foreach (var q in quantities) new Histogram(-1, 1, Bins).Add(q);
        })));
        rows.Add(("98th percentile of |z| (abs copy + Percentiles.Of)", Best(runs, () =>
        {
            for (int l = 0; l < hidden; l++)
            {
                var magnitudes = new float[z[l].Length];
                TensorPrimitives.Abs(z[l], magnitudes);
                Percentiles.Of(magnitudes, 98);
            }
        })));
        OuterProductSummary[] Summaries() => [.. Enumerable.Range(0, hidden).Select(l => new OuterProductSummary(Layout(mlp, l, z, ds, x, weightGradients)))];
        var filled = Summaries();
        rows.Add(($"weight gradients: {weightGradients} outer products per layer (sort, moments, histogram runs)", Best(runs, () =>
        {
            var summaries = Summaries();
            for (int l = 0; l < hidden; l++) AddOuterProducts(summaries[l], mlp, l, z, ds, x, weightGradients);
        })));
        for (int l = 0; l < hidden; l++) AddOuterProducts(filled[l], mlp, l, z, ds, x, weightGradients);
        // The two parts of OuterProductSummary.Add that scale with the row count: sorting each example's inputs, and
        // counting each row of δ·xᵀ into the histogram.
        rows.Add(("  of which: sorting each example's inputs (copy + Array.Sort)", Best(runs, () =>
        {
            for (int l = 0; l < hidden; l++)
                for (int k = 0; k < weightGradients; k++)
                    Array.Sort(LayerInput(l, z, x).AsSpan(k * mlp.FanIn(l), mlp.FanIn(l)).ToArray());
        })));
        rows.Add(("  of which: counting the rows (OuterProductBins.CountRow)", Best(runs, () =>
        {
            var scratch = new int[1024];
            for (int l = 0; l < hidden; l++)
            {
                var h = filled[l].Histogram;
                for (int k = 0; k < weightGradients; k++)
                {
                    var sorted = LayerInput(l, z, x).AsSpan(k * mlp.FanIn(l), mlp.FanIn(l)).ToArray();
                    Array.Sort(sorted);
                    var counts = new long[h.BinCount];
                    foreach (float delta in ds[l].AsSpan(k * mlp.FanOut(l), mlp.FanOut(l)))
                        Glorot.Kernels.OuterProductBins.CountRow(delta, sorted, h.Low, h.Scale, counts, scratch);
                }
            }
        })));
        rows.Add(("weight gradients: sketch p1, p99 (SketchQuantile)", Best(runs, () =>
        {
            foreach (var summary in filled)
            {
                summary.SketchQuantile(0.01, 0.005);
                summary.SketchQuantile(0.99, 0.005);
            }
        })));
        rows.Add(("Var(W) (LayerConditions.WeightVariance)", Best(runs, () => { for (int l = 0; l < hidden; l++) LayerConditions.WeightVariance(mlp, l); })));
        double parts = rows.Where(r => !r.Part.StartsWith(' ')).Sum(r => r.Seconds);
        var probe = new NetworkProbe(mlp, new ProbeOptions { ChunkSize = Chunk, WeightGradientBatches = weightGradients });
        double whole = Best(runs, () => probe.Measure(x, y));
        // Processor time of one probe, all threads: what a probe takes from a loaded machine, whose wall time varies.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (int r = 0; r < runs; r++) probe.Measure(x, y);
        double cpuPerProbe = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / runs;

        Console.WriteLine($"probe of tanh 1024-1000x5-9 after {updates:N0} updates, {Examples} examples, {weightGradients} weight gradients per layer, best of {runs}:");
        foreach (var (part, seconds) in rows)
            Console.WriteLine($"  {part,-82} {seconds * 1000,8:F1} ms  {seconds / whole,6:P1}");
        Console.WriteLine($"  {"sum of the parts",-82} {parts * 1000,8:F1} ms  {parts / whole,6:P1}");
        Console.WriteLine($"  {"whole probe (NetworkProbe.Measure)",-82} {whole * 1000,8:F1} ms");
        Console.WriteLine($"  {$"processor time of one probe, {Compute.Threads} thread(s), mean of {runs}",-82} {cpuPerProbe * 1000,8:F1} ms");
        // What a run does with the record after Measure, in memory (RunTraining's probe phase also appends the text
        // to three files and writes a TensorBoard event): not part of Measure, so apart from the rows above.
        var record = probe.Measure(x, y);
        double text = Best(runs, () => { ProbeCsv.SummaryRows([record]); ProbeCsv.HistogramRows([record]); ProbeJson.Serialize(record); });
        Console.WriteLine($"  {"after Measure: the record's CSV rows and probes.jsonl line (ProbeCsv, ProbeJson)",-82} {text * 1000,8:F1} ms");
        return 0;
    }

    private static double Best(int runs, Action action)
    {
        action(); // warm-up: JIT and first-touch allocation
        double best = double.PositiveInfinity;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    // The layer's input: the probe inputs for the first hidden layer, the previous layer's z otherwise.
    private static float[] LayerInput(int l, float[][] z, float[] x) => l == 0 ? x : z[l - 1];

    // The histogram layout NetworkProbe gives per-example gradients: ±max|δ|·max|x| over the examples (+1e-6).
    private static Histogram Layout(Mlp mlp, int l, float[][] z, float[][] ds, float[] x, int examples)
    {
        int fanIn = mlp.FanIn(l), fanOut = mlp.FanOut(l);
        var input = LayerInput(l, z, x);
        double bound = 0;
        for (int k = 0; k < examples; k++)
            bound = Math.Max(bound, Math.Abs((double)TensorPrimitives.MaxMagnitude(ds[l].AsSpan(k * fanOut, fanOut)))
                * Math.Abs(TensorPrimitives.MaxMagnitude(input.AsSpan(k * fanIn, fanIn))));
        return bound > 0 ? new Histogram(-bound * (1 + 1e-6), bound * (1 + 1e-6), Bins) : new Histogram(-1, 1, Bins);
    }

    private static void AddOuterProducts(OuterProductSummary summary, Mlp mlp, int l, float[][] z, float[][] ds, float[] x, int examples)
    {
        int fanIn = mlp.FanIn(l), fanOut = mlp.FanOut(l);
        var input = LayerInput(l, z, x);
        for (int k = 0; k < examples; k++)
            if (!summary.TryAdd(ds[l].AsSpan(k * fanOut, fanOut), input.AsSpan(k * fanIn, fanIn)))
                throw new InvalidOperationException("A non-finite probe value: the breakdown assumes finite ones.");
    }

    // Plain SGD (lr 0.01, batch 10) on Shapeset training images, to probe a network that has moved from its init.
    private static void Train(Mlp mlp, int updates)
    {
        var data = Shapeset.Training(1);
        var trainer = new SgdTrainer(mlp, new SgdOptions { LearningRate = 0.01f }, 10);
        var bx = new float[10 * data.InputSize];
        var by = new int[10];
        for (long u = 0; u < updates; u++)
        {
            data.Fill([.. Enumerable.Range(0, 10).Select(i => u * 10 + i)], bx, by);
            trainer.Step(bx, by);
        }
    }
}
