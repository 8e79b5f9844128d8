using System.Diagnostics;
using System.Globalization;
using Glorot.Kernels;
using Glorot.Probes;
using Glorot.Random;

namespace Glorot.Bench;

/// <summary>
/// The dense linear algebra users wait for (issue 13 §2–3): singular values of a 1000 × 1000 layer Jacobian
/// diag(f′(s))·W, and orthogonal initialization of n × n weights, on 1 and 2 threads, best of --repeats.
/// bench/linalg_vs_anchors.sh runs numpy and PyTorch on the same shapes right after it.
/// </summary>
internal static class LinalgBench
{
    public static int Run(string[] args)
    {
        int repeats = BenchArgs.Int(args, "--repeats", 3);
        int largest = BenchArgs.Int(args, "--largest", 4096);
        Console.WriteLine($"vector path {GemmPaths.Best}, {Environment.ProcessorCount} CPUs, best of {repeats}");
        var w = new float[1000 * 1000];
        var slopes = new float[1000];
        var random = new RandomStream(1, 0);
        for (int i = 0; i < w.Length; i++) w[i] = (float)(random.NextGaussian() / Math.Sqrt(1000));
        for (int i = 0; i < slopes.Length; i++) slopes[i] = (float)Activation.Tanh.Derivative(0.8 * random.NextGaussian());
        foreach (int threads in new[] { 1, 2 })
        {
            double seconds = Best(repeats, threads, () => JacobianSpectrum.SingularValues(w, 1000, 1000, slopes));
            Console.WriteLine(Line("jacobian-svals", 1000, threads, seconds));
            JacobianPhases(w, slopes, repeats, threads);
        }
        foreach (int n in new[] { 1024, 2048, 4096 })
        {
            if (n > largest) break;
            var w2 = new float[n * n];
            foreach (int threads in new[] { 1, 2 })
            {
                double seconds = Best(n >= 4096 ? 1 : repeats, threads,
                    () => Initializers.Orthogonal().Fill(w2, [n, n], seed: 1, threads: threads));
                Console.WriteLine(Line("orthogonal", n, threads, seconds));
            }
        }
        return 0;
    }

    // The three phases of JacobianSpectrum on the same matrix: Gram X·Xᵀ, tridiagonal reduction, QL.
    private static void JacobianPhases(float[] w, float[] slopes, int repeats, int threads)
    {
        const int n = 1000;
        var x = new double[n * n];
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) x[r * n + c] = (double)slopes[r] * w[r * n + c];
        var g = new double[n * n];
        var d = new double[n];
        var e = new double[n - 1];
        double gram = Best(repeats, threads, () => GramMatrix.Compute(x, n, n, g, Gemm.Path, Compute.Threads));
        var copy = new double[n * n];
        double reduce = Best(repeats, threads, () =>
        {
            Array.Copy(g, copy, copy.Length);
            HouseholderTridiagonal.Reduce(copy, n, d, e, Gemm.Path, Compute.Threads);
        });
        var (d0, e0) = ((double[])d.Clone(), (double[])e.Clone());
        double ql = Best(repeats, threads, () =>
        {
            Array.Copy(d0, d, n);
            Array.Copy(e0, e, n - 1);
            TridiagonalEigenvalues.Solve(d, e, n);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  phases: Gram {gram:F4} s, tridiagonal {reduce:F4} s, QL {ql:F4} s"));
    }

    private static double Best(int repeats, int threads, Action action)
    {
        double best = double.PositiveInfinity;
        using (Gemm.Use(threads: threads))
        {
            action(); // warm-up: JIT, pool workers, page faults
            for (int r = 0; r < repeats; r++)
            {
                var sw = Stopwatch.StartNew();
                action();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
        }
        return best;
    }

    private static string Line(string what, int n, int threads, double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"glorot {what,-16} n={n,-5} threads={threads} {seconds,8:F4} s");
}
