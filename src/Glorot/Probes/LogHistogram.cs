using System.Numerics.Tensors;
using System.Text.Json.Serialization;

namespace Glorot.Probes;

/// <summary>
/// A bounded-memory, mergeable histogram sketch over signed values with logarithmic buckets (the DDSketch
/// mapping of Masson, Rim &amp; Lee, VLDB 2019, arXiv:1908.10693): for relative accuracy α, γ = (1 + α)/(1 − α),
/// a value x with |x| ≥ <see cref="MinMagnitude"/> goes to bucket k = ⌈log_γ |x|⌉ of its sign, and smaller values to
/// one zero bucket. Any quantile is answered within relative error α: the reported value 2γ^k/(γ + 1) lies within
/// α·|x| of every x of bucket k (γ^{k−1} &lt; |x| ≤ γ^k).
/// </summary>
/// <remarks>
/// Guarantee: for q ∈ [0, 1], <see cref="Quantile"/> returns y with |y − x_q| ≤ α·|x_q|, where x_q is the value of
/// rank ⌊q·(n − 1)⌋ in the sorted finite sample, provided |x_q| ≥ <see cref="MinMagnitude"/> (below it, 0 is
/// returned: absolute error &lt; MinMagnitude). Merging adds bucket counts, so it is exact, associative and
/// commutative. Memory: per sign, a dense array over the occupied keys plus slack, at most 1.5·K + 9 counts where
/// K = ⌈ln(max/min)/ln γ⌉ + 1 is the number of keys spanned by the magnitudes [min, max] actually seen — for α = 1 %
/// about 115 keys per decade — independent of the number of values. Time O(1) per value (one logarithm).
/// </remarks>
public sealed class LogHistogram
{
    private readonly double _logGamma;
    private readonly Store _positive = new(), _negative = new();

    /// <summary>A sketch with relative accuracy <paramref name="alpha"/> (0 &lt; α &lt; 1) for |x| ≥ <paramref name="minMagnitude"/>.</summary>
    public LogHistogram(double alpha = 0.01, double minMagnitude = 1e-12)
    {
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The relative accuracy α lies in (0, 1).");
        if (!(minMagnitude > 0) || !double.IsFinite(minMagnitude))
            throw new ArgumentOutOfRangeException(nameof(minMagnitude), minMagnitude, "The smallest magnitude must be positive and finite.");
        Alpha = alpha;
        MinMagnitude = minMagnitude;
        Gamma = (1 + alpha) / (1 - alpha);
        _logGamma = Math.Log(Gamma);
    }

    /// <summary>Relative accuracy α.</summary>
    public double Alpha { get; }

    /// <summary>Magnitudes below this go to the zero bucket.</summary>
    public double MinMagnitude { get; }

    /// <summary>Bucket ratio γ = (1 + α)/(1 − α).</summary>
    [JsonIgnore]
    public double Gamma { get; }

    /// <summary>Values in the zero bucket (|x| &lt; <see cref="MinMagnitude"/>).</summary>
    public long ZeroCount { get; private set; }

    /// <summary>NaN and ±∞ values (not in any bucket).</summary>
    public long NonFinite { get; private set; }

    /// <summary>Finite values added.</summary>
    public long Count => _positive.Total + _negative.Total + ZeroCount;

    /// <summary>Buckets in use (memory, in counts).</summary>
    public int BucketCount => _positive.Length + _negative.Length + 1;

    /// <summary>The bucket key of a magnitude m ≥ <see cref="MinMagnitude"/>: ⌈log_γ m⌉.</summary>
    public int Key(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / _logGamma);

    /// <summary>The value reported for bucket k: 2γ^k/(γ + 1), within α of every magnitude in (γ^{k−1}, γ^k].</summary>
    public double Value(int key) => 2 * Math.Exp(key * _logGamma) / (Gamma + 1);

    /// <summary>Adds one value.</summary>
    public void Add(double x)
    {
        if (!double.IsFinite(x)) { NonFinite++; return; }
        double m = Math.Abs(x);
        if (m < MinMagnitude) { ZeroCount++; return; }
        (x > 0 ? _positive : _negative).Add(Key(m), 1);
    }

    /// <summary>
    /// Adds every value of a span. Logarithms are taken in float, vectorized (TensorPrimitives.Log), so a value
    /// within ≈ 1e-6 (relative) of a bucket edge may land in the neighbouring bucket: the error bound becomes
    /// α + 1e-6 for those values. About 10× faster than adding one by one.
    /// </summary>
    public void Add(ReadOnlySpan<float> values)
    {
        const int chunk = 4096;
        Span<float> magnitudes = stackalloc float[chunk];
        Span<float> logs = stackalloc float[chunk];
        double inverseLogGamma = 1 / _logGamma;
        for (int start = 0; start < values.Length; start += chunk)
        {
            var part = values.Slice(start, Math.Min(chunk, values.Length - start));
            var m = magnitudes[..part.Length];
            var lg = logs[..part.Length];
            TensorPrimitives.Abs(part, m);
            TensorPrimitives.Log(m, lg);
            for (int i = 0; i < part.Length; i++)
            {
                float v = part[i];
                if (!float.IsFinite(v)) { NonFinite++; continue; }
                if (m[i] < MinMagnitude) { ZeroCount++; continue; }
                (v > 0 ? _positive : _negative).Add((int)Math.Ceiling(lg[i] * inverseLogGamma), 1);
            }
        }
    }

    /// <summary>Merges another sketch of the same α and floor into this one (exact: counts add).</summary>
    public void Merge(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Alpha != Alpha || other.MinMagnitude != MinMagnitude)
            throw new ArgumentException($"Cannot merge sketches with α {Alpha}, floor {MinMagnitude} and α {other.Alpha}, floor {other.MinMagnitude}.");
        _positive.Merge(other._positive);
        _negative.Merge(other._negative);
        ZeroCount += other.ZeroCount;
        NonFinite += other.NonFinite;
    }

    /// <summary>
    /// The q-quantile (0 ≤ q ≤ 1) of the finite values: the value of rank ⌊q·(n − 1)⌋, within relative error α
    /// (see the remarks). NaN when empty.
    /// </summary>
    public double Quantile(double q)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies in [0, 1].");
        long n = Count;
        return n == 0 ? double.NaN : ValueAtRank((long)Math.Floor(q * (n - 1)));
    }

    /// <summary>The value reported for the finite value of rank <paramref name="rank"/> (0-based, ascending).</summary>
    internal double ValueAtRank(long rank)
    {
        if (rank < 0 || rank >= Count) throw new ArgumentOutOfRangeException(nameof(rank), rank, $"A rank lies in 0..{Count - 1}.");
        // Ascending order: negatives from the largest magnitude down, then zeros, then positives.
        long negatives = _negative.Total;
        if (rank < negatives) return -Value(_negative.KeyOfRank(negatives - 1 - rank));
        rank -= negatives;
        if (rank < ZeroCount) return 0;
        rank -= ZeroCount;
        return Value(_positive.KeyOfRank(rank));
    }

    /// <summary>(key, count) of every non-empty bucket of one sign, ascending by key.</summary>
    public IEnumerable<(int Key, long Count)> Buckets(bool negative) => (negative ? _negative : _positive).NonEmpty();

    // Dense counts between the smallest and largest key seen, grown on demand.
    private sealed class Store
    {
        private long[] _counts = [];
        private int _offset;

        public long Total { get; private set; }

        public int Length => _counts.Length;

        public void Add(int key, long count)
        {
            int index = key - _offset;
            if ((uint)index >= (uint)_counts.Length) index = Grow(key);
            _counts[index] += count;
            Total += count;
        }

        // Re-allocates over the occupied keys and the new one, with a quarter of that span as slack on each side
        // (so a slowly widening range does not copy every time): length = span + 2·pad ≤ 1.5·span + 8.
        private int Grow(int key)
        {
            int lo = key, hi = key;
            for (int i = 0; i < _counts.Length; i++)
                if (_counts[i] != 0) { lo = Math.Min(lo, _offset + i); break; }
            for (int i = _counts.Length - 1; i >= 0; i--)
                if (_counts[i] != 0) { hi = Math.Max(hi, _offset + i); break; }
            int pad = (hi - lo) / 4 + 4;
            var grown = new long[hi - lo + 1 + 2 * pad];
            int newOffset = lo - pad;
            for (int i = 0; i < _counts.Length; i++)
                if (_counts[i] != 0) grown[_offset + i - newOffset] = _counts[i];
            _counts = grown;
            _offset = newOffset;
            return key - _offset;
        }

        public void Merge(Store other)
        {
            for (int i = 0; i < other._counts.Length; i++)
                if (other._counts[i] != 0) Add(other._offset + i, other._counts[i]);
        }

        public int KeyOfRank(long rank)
        {
            long seen = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen > rank) return _offset + i;
            }
            throw new InvalidOperationException("Rank beyond the count.");
        }

        public IEnumerable<(int, long)> NonEmpty()
        {
            for (int i = 0; i < _counts.Length; i++)
                if (_counts[i] != 0) yield return (_offset + i, _counts[i]);
        }
    }
}
