using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Glorot.Init;
using Glorot.Numerics;
using Glorot.Random;

namespace Glorot.Bench;

/// <summary>
/// <c>selftest [--repeats R] [--json]</c>: the cost of <c>glorot init --verify</c> — the Kolmogorov–Smirnov statistic
/// (sort + normal CDF) and the whole self-test — on 2²⁰ and 2²⁴ normal values, against PyTorch computing the same
/// statistic (bench/anchors/ks_torch.py, 1 and 2 threads) in the same session. Best of R runs.
/// </summary>
internal static class SelfTestBench
{
    public static int Run(string[] args)
    {
        int repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(3);
        bool json = args.Contains("--json");
        int[] sizes = [1 << 20, 1 << 24];
        var rows = new List<Dictionary<string, object>>();
        var anchors = new[] { 1, 2 }.ToDictionary(t => t, t => Anchor(t, repeats, sizes));
        foreach (var n in sizes)
        {
            var values = new float[n];
            RandomFill.Normal(values, 0f, 1f, 1);
            var scheme = new RandomNormal();
            double ks = Best(repeats, () => KolmogorovSmirnov.Statistic(values, x => RandomFill.StandardNormalCdf(x)));
            double full = Best(repeats, () => SelfTest.Check(scheme, [n], values));
            var row = new Dictionary<string, object> { ["n"] = n, ["glorot_ks_s"] = ks, ["glorot_selftest_s"] = full };
            foreach (var (threads, seconds) in anchors)
                if (seconds?.GetValueOrDefault(n) is double t and > 0)
                {
                    row[$"torch_ks_{threads}t_s"] = t;
                    row[$"ks_ratio_vs_torch_{threads}t"] = ks / t;
                }
            rows.Add(row);
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(rows));
        else
            foreach (var row in rows)
                Console.WriteLine(string.Join("  ", row.Select(kv => $"{kv.Key}={Format(kv.Value)}")));
        return 0;
    }

    private static double Best(int repeats, Action action)
    {
        double best = double.PositiveInfinity;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    // The anchor's best seconds per n, or null when /usr/bin/python3 with torch is not there.
    private static Dictionary<int, double>? Anchor(int threads, int repeats, int[] sizes)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "../../../../anchors/ks_torch.py");
        if (!File.Exists(script)) script = Path.Combine("bench", "anchors", "ks_torch.py");
        if (!File.Exists(script) || !File.Exists("/usr/bin/python3")) return null;
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, threads.ToString(CultureInfo.InvariantCulture), repeats.ToString(CultureInfo.InvariantCulture) }
                     .Concat(sizes.Select(s => s.ToString(CultureInfo.InvariantCulture))))
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) return null;
        var seconds = JsonDocument.Parse(output).RootElement.GetProperty("seconds");
        return sizes.ToDictionary(n => n, n => seconds.GetProperty(n.ToString(CultureInfo.InvariantCulture)).GetDouble());
    }

    private static string Format(object value) => value is double d ? d.ToString("G4", CultureInfo.InvariantCulture) : value.ToString()!;
}
