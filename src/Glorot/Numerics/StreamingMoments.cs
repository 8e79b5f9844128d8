using System.Text.Json.Serialization;

namespace Glorot.Numerics;

/// <summary>
/// Count, mean, M2 = Σ(x − x̄)², min and max of a stream of values, in double precision, mergeable: Welford's
/// update for one value, Chan et al.'s pairwise merge for two streams (Chan, Golub &amp; LeVeque 1983).
/// Non-finite values are counted apart (<see cref="NonFinite"/>) and never enter the moments.
/// </summary>
/// <remarks>
/// Merge of A and B (Chan, Golub &amp; LeVeque 1983): n = n_A + n_B, δ = x̄_B − x̄_A, x̄ = x̄_A + δ·n_B/n,
/// M2 = M2_A + M2_B + δ²·n_A·n_B/n. A span is added as one block: its own mean and M2 by two passes in double
/// (exact up to rounding), then merged, so adding a span equals adding its values one by one up to rounding.
/// Memory O(1); time O(n) per span.
/// </remarks>
public sealed class StreamingMoments
{
    /// <summary>An empty accumulator.</summary>
    public StreamingMoments()
    {
    }

    /// <summary>An accumulator with the given state (for deserialization and tests).</summary>
    [JsonConstructor]
    public StreamingMoments(long count, double mean, double m2, double min, double max, long nonFinite)
    {
        if (count < 0 || nonFinite < 0) throw new ArgumentOutOfRangeException(nameof(count), "Counts must be non-negative.");
        Count = count;
        Mean = count == 0 ? 0 : mean;
        M2 = count == 0 ? 0 : m2;
        Min = count == 0 ? double.PositiveInfinity : min;
        Max = count == 0 ? double.NegativeInfinity : max;
        NonFinite = nonFinite;
    }

    /// <summary>Finite values seen.</summary>
    public long Count { get; private set; }

    /// <summary>Their mean (0 when empty).</summary>
    public double Mean { get; private set; }

    /// <summary>Σ(x − x̄)² (0 when empty).</summary>
    public double M2 { get; private set; }

    /// <summary>The smallest finite value (+∞ when empty).</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>The largest finite value (−∞ when empty).</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>NaN and ±∞ values seen (excluded from the moments).</summary>
    public long NonFinite { get; private set; }

    /// <summary>Population variance M2/n (NaN when empty).</summary>
    [JsonIgnore]
    public double Variance => Count == 0 ? double.NaN : M2 / Count;

    /// <summary>Sample variance M2/(n − 1) (NaN for fewer than two values).</summary>
    [JsonIgnore]
    public double SampleVariance => Count < 2 ? double.NaN : M2 / (Count - 1);

    /// <summary>Population standard deviation √(M2/n).</summary>
    [JsonIgnore]
    public double Std => Math.Sqrt(Variance);

    /// <summary>Second moment about zero, E[x²] = Var + x̄² (what feeds the next layer of a zero-mean W).</summary>
    [JsonIgnore]
    public double SecondMoment => Count == 0 ? double.NaN : M2 / Count + Mean * Mean;

    /// <summary>Adds one value (Welford).</summary>
    public void Add(double x)
    {
        if (!double.IsFinite(x)) { NonFinite++; return; }
        Count++;
        double delta = x - Mean;
        Mean += delta / Count;
        M2 += delta * (x - Mean);
        if (x < Min) Min = x;
        if (x > Max) Max = x;
    }

    /// <summary>Adds every value of a span: two passes in double over the span, then one merge.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        long n = 0, bad = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) { bad++; continue; }
            n++;
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        NonFinite += bad;
        if (n == 0) return;
        double mean = sum / n, m2 = 0, correction = 0;
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) continue;
            double d = v - mean;
            m2 += d * d;
            correction += d;
        }
        // Corrected two-pass (Chan, Golub & LeVeque 1983, eq. 1.7): removes the rounding error left in the mean.
        m2 -= correction * correction / n;
        Combine(n, mean, Math.Max(m2, 0), min, max);
    }

    /// <summary>Merges another accumulator into this one (Chan et al.); <paramref name="other"/> is unchanged.</summary>
    public void Merge(StreamingMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        NonFinite += other.NonFinite;
        if (other.Count > 0) Combine(other.Count, other.Mean, other.M2, other.Min, other.Max);
    }

    /// <summary>A copy of the current state.</summary>
    public StreamingMoments Clone() => new(Count, Mean, M2, Min, Max, NonFinite);

    /// <summary>The moments of a span.</summary>
    public static StreamingMoments Of(ReadOnlySpan<float> values)
    {
        var m = new StreamingMoments();
        m.Add(values);
        return m;
    }

    private void Combine(long nB, double meanB, double m2B, double minB, double maxB)
    {
        long nA = Count, n = nA + nB;
        double delta = meanB - Mean;
        // x̄ = x̄_A + δ·n_B/n, M2 = M2_A + M2_B + δ²·n_A·n_B/n (Chan et al.).
        Mean = nA == 0 ? meanB : Mean + delta * ((double)nB / n);
        M2 = nA == 0 ? m2B : M2 + m2B + delta * delta * ((double)nA * nB / n);
        Count = n;
        if (minB < Min) Min = minB;
        if (maxB > Max) Max = maxB;
    }
}
