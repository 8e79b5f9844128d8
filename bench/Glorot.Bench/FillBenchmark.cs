using System.Diagnostics;
using System.Text.Json;
using Glorot.Init;

namespace Glorot.Bench;

/// <summary>
/// Xavier-uniform and Xavier-normal fills of an 8192 × 8192 float tensor, 1 and 2 threads, best of N runs, in
/// Gfloat/s: the figure set beside torch.nn.init and numpy by bench/anchors/init_anchors.py.
/// </summary>
internal static class FillBenchmark
{
    public static int Run(string[] args)
    {
        int size = BenchArgs.Int(args, "--size", 8192), repeats = BenchArgs.Int(args, "--repeats", 7);
        bool json = args.Contains("--json");
        int[] shape = [size, size];
        var values = new float[size * size];
        var results = new List<Dictionary<string, object>>();
        foreach (var scheme in new[] { "xavier-uniform", "xavier-normal" })
        foreach (var threads in new[] { 1, 2 })
        {
            var init = Schemes.Create(scheme);
            init.Fill(values, shape, 0, 0, threads); // warm-up: JIT and first touch of the pages
            double best = double.MaxValue;
            for (var r = 0; r < repeats; r++)
            {
                var clock = Stopwatch.StartNew();
                init.Fill(values, shape, (ulong)r, 0, threads);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            double gfloats = values.Length / best / 1e9;
            results.Add(new() { ["scheme"] = scheme, ["threads"] = threads, ["seconds"] = best, ["gfloat_per_s"] = gfloats });
            if (!json) Console.WriteLine($"{scheme,-16} threads {threads}  {best * 1e3,8:F1} ms  {gfloats,6:F2} Gfloat/s");
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }
}
