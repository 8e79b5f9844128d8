using System.Security.Cryptography;
using System.Text;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>The cost model of a suite's runs and the digest that identifies each spec.</summary>
internal static class SuiteCost
{
    /// <summary>
    /// The speed the estimates assume: 150 GFLOP/s, the training step of the 1024-1000×5-9 network at batch 10 on
    /// 2 threads (535.6 steps/s × 281.5 MFLOP, docs/BENCHMARKS.md). Narrow networks run far below it (small GEMMs,
    /// and rendering Shapeset images costs the same per example): docs/SCALING.md has measured rates.
    /// </summary>
    public const double FlopsPerSecond = 150e9;

    /// <summary>
    /// FLOP of one SGD update: per example, forward 2·Σ in·out, weight gradients 2·Σ in·out, back-propagated
    /// gradients 2·Σ in·out over every layer but the first — times the batch size (the count glorot bench train uses).
    /// </summary>
    public static double FlopPerUpdate(RunSpec spec, int inputs = 1024, int classes = 9)
    {
        int[] widths = [inputs, .. spec.Hidden, classes];
        double all = 0, backward = 0;
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            double mac = (double)widths[l] * widths[l + 1];
            all += mac;
            if (l > 0) backward += mac;
        }
        return spec.BatchSize * (4 * all + 2 * backward);
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the spec's canonical JSON (<see cref="RunSpecJson.Serialize"/>).</summary>
    public static string Digest(RunSpec spec) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(RunSpecJson.Serialize(spec))))[..12];
}
