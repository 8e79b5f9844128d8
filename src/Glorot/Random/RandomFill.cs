using Glorot.Kernels;
using MathNet.Numerics;

namespace Glorot.Random;

/// <summary>
/// Counter-based fills: value e of a fill is a function of (seed, stream, offset + e) alone, so the same seed
/// gives the same bits whatever the thread count, and a tensor can be filled piecewise (pass the offset).
/// <c>threads</c>: 0 (the default) = <see cref="Compute.Threads"/>, else 1 … <see cref="Compute.MaxThreads"/>.
/// </summary>
public static class RandomFill
{
    /// <summary>
    /// Version of the fill algorithms (Philox4x32-10 and the transforms below). Recorded in every
    /// <see cref="Provenance"/>; bump it whenever any fill would give different bits for the same (seed, stream).
    /// </summary>
    public const int AlgorithmVersion = 1;

    /// <summary>U[low, high): low + (high − low)·u with u = k·2⁻²⁴, k uniform in 0 … 2²⁴ − 1.</summary>
    /// <remarks>In float arithmetic a value can round to <paramref name="high"/>; treat the support as closed.</remarks>
    public static void Uniform(Span<float> values, float low, float high, ulong seed, ulong stream = 0,
        long offset = 0, int threads = 0)
    {
        if (!(low <= high) || !float.IsFinite(high - low))
            throw new ArgumentException($"Uniform bounds must be finite with low ≤ high; got [{low}, {high}].");
        threads = ResolveThreads(threads);
        PhiloxFill.Fill(values, PhiloxFill.Kind.Uniform, low, high - low, seed, stream, offset, threads);
    }

    /// <summary>N(mean, std²) by the Box–Muller transform (float polynomials for log, sin, cos; error &lt; 2⁻²⁰).</summary>
    public static void Normal(Span<float> values, float mean, float std, ulong seed, ulong stream = 0,
        long offset = 0, int threads = 0)
    {
        if (!(std >= 0) || !float.IsFinite(std) || !float.IsFinite(mean))
            throw new ArgumentException($"Normal needs a finite mean and a finite std ≥ 0; got mean {mean}, std {std}.");
        threads = ResolveThreads(threads);
        PhiloxFill.Fill(values, PhiloxFill.Kind.Normal, mean, std, seed, stream, offset, threads);
    }

    /// <summary>
    /// N(mean, std²) conditioned on [a, b] (absolute bounds), by inversion in double precision:
    /// x = μ + σ·Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α))), α = (a − μ)/σ, β = (b − μ)/σ, with u from Philox block offset + e.
    /// Inversion has no rejection loop and no clamp outliers, even for bounds far in a tail.
    /// </summary>
    public static void TruncatedNormal(Span<float> values, double mean, double std, double a, double b,
        ulong seed, ulong stream = 0, long offset = 0, int threads = 0)
    {
        if (!(std > 0) || !double.IsFinite(std) || !double.IsFinite(mean))
            throw new ArgumentException($"Truncated normal needs a finite mean and std > 0; got mean {mean}, std {std}.");
        if (!(a < b)) throw new ArgumentException($"Truncation bounds need a < b; got [{a}, {b}].");
        threads = ResolveThreads(threads);
        // Sample the side nearer the mean's tail-free region: reflect when both bounds lie above the mean, so
        // that Φ is evaluated where it is small and keeps its relative precision.
        bool reflect = a > mean;
        double alpha = ((reflect ? -b : a) - (reflect ? -mean : mean)) / std;
        double beta = ((reflect ? -a : b) - (reflect ? -mean : mean)) / std;
        double phiAlpha = StandardNormalCdf(alpha), width = StandardNormalCdf(beta) - phiAlpha;
        if (!(width > 0))
            throw new ArgumentException($"The interval [{a}, {b}] has no probability mass under N({mean}, {std}²) in double precision.");
        var (fa, fb) = ((float)a, (float)b);
        void Range(Span<float> part, long start)
        {
            for (var e = 0; e < part.Length; e++)
            {
                var (w0, w1, _, _) = Philox4x32.Block(seed, stream, (ulong)(start + e));
                double u = Philox4x32.ToUnitDouble(w0, w1);
                double z = StandardNormalQuantile(phiAlpha + u * width);
                double x = reflect ? mean - std * z : mean + std * z;
                part[e] = Math.Clamp((float)x, fa, fb); // rounding to float may step past a bound by one ulp
            }
        }
        if (threads < 2 || values.Length < 4096) { Range(values, offset); return; }
        unsafe
        {
            fixed (float* p = values)
            {
                nint basePtr = (nint)p;
                ParallelRange.Run(values.Length, 4096, threads, (start, length) => Range(new Span<float>((float*)basePtr + start, (int)length), offset + start));
            }
        }
    }

    private static int ResolveThreads(int threads) => threads switch
    {
        0 => Compute.Threads,
        >= 1 and <= Compute.MaxThreads => threads,
        _ => throw new ArgumentOutOfRangeException(nameof(threads), threads, $"threads must be 0 (the default) or 1 to {Compute.MaxThreads}."),
    };

    /// <summary>Φ(x) = ½·erfc(−x/√2).</summary>
    internal static double StandardNormalCdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2.0));

    /// <summary>Φ⁻¹(p) = −√2·erfc⁻¹(2p).</summary>
    internal static double StandardNormalQuantile(double p) => -Math.Sqrt(2.0) * SpecialFunctions.ErfcInv(2.0 * p);
}
