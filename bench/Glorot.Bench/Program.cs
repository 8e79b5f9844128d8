using BenchmarkDotNet.Running;

namespace Glorot.Bench;

/// <summary>
/// Benchmarks. <c>dotnet run -c Release --project bench/Glorot.Bench -- NAME [options]</c> runs one of the
/// stopwatch benchmarks below (best of N runs, printed as a table and as JSON with --json); any other
/// arguments go to BenchmarkDotNet's switcher (e.g. <c>--filter *</c>).
/// </summary>
public static class Program
{
    // Stopwatch benchmarks: a name, what it measures, and the function that runs it.
    private static readonly Dictionary<string, (string What, Func<string[], int> Run)> Named = new()
    {
        ["fill"] = ("Xavier uniform/normal fill of 8192² floats, 1 and 2 threads (--size, --repeats, --json)", FillBenchmark.Run),
        ["shapeset"] = ("Shapeset-3×2 generation, images/s on one core (target ≥ 20,000)", ShapesetBench.Run),
        ["selftest"] = ("KS statistic and self-test of 2^20, 2^24 values vs PyTorch", SelfTestBench.Run),
        ["gemm"] = ("GEMM GFLOP/s: 1000³ and the MLP layer products at batch 10/100/1000, 1 and 2 threads", GemmBench.Run),
        ["probe-breakdown"] = ("where one probe's time goes: forward/backward, moments, percentiles, histograms, weight gradients, Var(W) [--updates U]", ProbeBreakdownBench.Run),
        ["probe"] = ("one probe of tanh 1024-1000×5-9 on 300 Shapeset examples: summaries, weight gradients, Jacobians", ProbeBench.Run),
        ["linalg"] = ("Jacobian singular values 1000² and orthogonal init 1024²–4096², 1 and 2 threads (--repeats, --largest)", LinalgBench.Run),
        ["copy"] = ("vector path, last-level cache and STREAM-like copy GB/s of a 200 MB array, 1 and 2 threads (--mb, --repeats)", CopyBandwidthBench.Run),
        ["train-phases"] = ("time per phase of an MLP training step [batch] [threads] [reps] [width]", TrainStepPhases.Run),
        ["weight-costs"] = ("ns per weight of the update, dX, forward and fused step at batch 10, 1 thread, per width [width …]", WeightCostBench.Run),
    };

    public static int Main(string[] args)
    {
        if (args.Length > 0 && Named.TryGetValue(args[0], out var bench))
            return bench.Run(args[1..]);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
        {
            Console.WriteLine("Stopwatch benchmarks:");
            foreach (var (name, (what, _)) in Named) Console.WriteLine($"  {name,-16} {what}");
            Console.WriteLine("Anything else is passed to BenchmarkDotNet (e.g. --filter '*').");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
