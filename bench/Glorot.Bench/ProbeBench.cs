using System.Diagnostics;
using Glorot.Data;
using Glorot.Nn;
using Glorot.Probes;

namespace Glorot.Bench;

/// <summary>
/// Cost of one probe of the paper's deepest network (tanh 1024-1000×5-9) on 300 Shapeset test examples, split by
/// what it measures: forward/backward + exact summaries of s, z, dL/ds; + per-example weight gradients (10 per
/// layer); + Jacobian spectra (1 example per layer). Compared with a training step, it says how often a run can
/// afford to probe. Best of R runs. Usage: <c>probe [--runs R] [--examples N]</c>.
/// </summary>
internal static class ProbeBench
{
    public static int Run(string[] args)
    {
        int runs = BenchArgs.Int(args, "--runs", 3);
        int examples = BenchArgs.Int(args, "--examples", 300);
        var test = Shapeset.Test();
        var x = new float[examples * test.InputSize];
        var y = new int[examples];
        test.Fill([.. Enumerable.Range(0, examples).Select(i => (long)i)], x, y);
        var mlp = new Mlp(1024, [1000, 1000, 1000, 1000, 1000], 9, Activation.Tanh);
        mlp.Initialize(WeightFills.Standard, 0);

        double Time(ProbeOptions options)
        {
            var probe = new NetworkProbe(mlp, options);
            probe.Measure(x, y);   // warm-up (JIT, buffers)
            double best = double.PositiveInfinity;
            for (int r = 0; r < runs; r++)
            {
                var sw = Stopwatch.StartNew();
                probe.Measure(x, y);
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            return best;
        }

        double basic = Time(new ProbeOptions { WeightGradientBatches = 0 });
        double withWeights = Time(new ProbeOptions());
        double withJacobian = Time(new ProbeOptions { JacobianExamples = 1 });
        // The pieces that bench/anchors/probe_numpy.py times in numpy on the same sizes.
        var random = new Glorot.Random.RandomStream(0, 1);
        var values = new float[300 * 1000];
        for (int i = 0; i < values.Length; i++) values[i] = (float)random.NextGaussian();
        Summary.Of(values, 100);
        double summary = double.PositiveInfinity;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            Summary.Of(values, 100);
            summary = Math.Min(summary, sw.Elapsed.TotalSeconds);
        }
        var w = mlp.CopyWeight(1);
        var slopes = new float[1000];
        for (int i = 0; i < slopes.Length; i++) slopes[i] = (float)Activation.Tanh.Derivative(0.3 * random.NextGaussian());
        double jacobian = double.PositiveInfinity;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            JacobianSpectrum.SingularValues(w, 1000, 1000, slopes);
            jacobian = Math.Min(jacobian, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"Summary.Of, 300 k values (std, exact p1/p99, 100-bin histogram)  {summary:F4} s");
        Console.WriteLine($"JacobianSpectrum.SingularValues, 1000 x 1000                    {jacobian:F3} s");
        Console.WriteLine($"probe of tanh 1024-1000x5-9 on {examples} Shapeset examples, best of {runs}:");
        Console.WriteLine($"  s, z, dL/ds summaries (exact percentiles)      {basic,8:F3} s");
        Console.WriteLine($"  + 10 per-example weight gradients per layer   {withWeights,8:F3} s");
        Console.WriteLine($"  + Jacobian spectra, 1 example × 5 layers      {withJacobian,8:F3} s  ({(withJacobian - withWeights) / 5:F2} s per layer)");
        return 0;
    }
}
