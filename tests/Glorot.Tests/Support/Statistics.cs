using Glorot.Numerics;

namespace Glorot.Tests.Support;

/// <summary>Moments and the normal CDF, for checking samplers against exact distributions.</summary>
internal static class Statistics
{
    // The Kolmogorov–Smirnov statistic and its critical values live in the library (Glorot.Numerics.KolmogorovSmirnov),
    // where `glorot init --verify` uses them; KolmogorovSmirnovTests checks them against their definition.

    /// <summary>Sample mean and (population) variance in double precision.</summary>
    public static (double Mean, double Variance) Moments(ReadOnlySpan<float> sample)
    {
        double sum = 0;
        foreach (var x in sample) sum += x;
        double mean = sum / sample.Length, ss = 0;
        foreach (var x in sample) ss += (x - mean) * (x - mean);
        return (mean, ss / sample.Length);
    }

    /// <summary>Standard normal CDF Φ.</summary>
    public static double NormalCdf(double x) => MathNet.Numerics.Distributions.Normal.CDF(0, 1, x);
}
