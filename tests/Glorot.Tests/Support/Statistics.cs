namespace Glorot.Tests.Support;

/// <summary>Test statistics with their critical values, for checking samplers against exact distributions.</summary>
internal static class Statistics
{
    /// <summary>
    /// One-sample Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of the sample against the exact CDF.
    /// </summary>
    public static double KolmogorovSmirnov(ReadOnlySpan<float> sample, Func<double, double> cdf)
    {
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        double n = sorted.Length, d = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1) / n - f, f - i / n));
        }
        return d;
    }

    /// <summary>
    /// Critical value of D at significance 0.001 for large n: the Kolmogorov distribution's 0.999 quantile
    /// 1.9495 divided by √n. A correct sampler fails a fixed-seed test at this level with probability 0.001;
    /// a variance off by 3 % at n = 10⁵ shifts D by ≈ 0.008, four times the threshold, so errors are caught.
    /// </summary>
    public static double KsCritical(int n) => 1.9495 / Math.Sqrt(n);

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
