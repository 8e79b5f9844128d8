using System.Diagnostics;
using System.Globalization;
using Glorot.Kernels;

namespace Glorot.Bench;

/// <summary>
/// The machine facts a memory-bound benchmark needs beside its figures: the GEMM's vector path, the last-level
/// cache size, and a STREAM-like copy bandwidth (McCalpin's STREAM "Copy": a[i] = b[i] over arrays far larger than
/// the caches, bytes read + bytes written per second), on 1 and 2 threads, best of N.
/// <c>copy [--mb 200] [--repeats 5]</c>; prints one JSON object.
/// </summary>
internal static class CopyBandwidthBench
{
    public static int Run(string[] args)
    {
        int megabytes = BenchArgs.Int(args, "--mb", 200), repeats = BenchArgs.Int(args, "--repeats", 5);
        var source = new float[megabytes * 1_000_000L / sizeof(float)];
        var destination = new float[source.Length];
        Array.Fill(source, 1f);
        Array.Fill(destination, 0f); // touch every page before timing
        double bytes = 2.0 * source.Length * sizeof(float);
        var gbPerSecond = new Dictionary<int, double>();
        foreach (var threads in new[] { 1, 2 })
        {
            double best = double.MaxValue;
            for (int r = 0; r < repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                {
                    int start = (int)((long)source.Length * t / threads), end = (int)((long)source.Length * (t + 1) / threads);
                    source.AsSpan(start, end - start).CopyTo(destination.AsSpan(start, end - start));
                });
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
            gbPerSecond[threads] = bytes / best / 1e9;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"vector_path\": \"{GemmPaths.Best}\", \"llc\": \"{LastLevelCache()}\", \"copy_mb\": {megabytes}, " +
            $"\"copy_gb_per_s_1_thread\": {gbPerSecond[1]:F2}, \"copy_gb_per_s_2_threads\": {gbPerSecond[2]:F2}, " +
            $"\"processors\": {Environment.ProcessorCount}}}"));
        return 0;
    }

    // Linux's cache description of CPU 0; index3 is the L3 where there is one.
    internal static string LastLevelCache()
    {
        const string path = "/sys/devices/system/cpu/cpu0/cache/index3/size";
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "unknown";
    }
}
