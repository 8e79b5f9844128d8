using Glorot.Random;

namespace Glorot.Data;

/// <summary>
/// The order of a finite data set in each epoch: a uniform random permutation (Fisher–Yates, Knuth TAOCP vol. 2
/// §3.4.2 algorithm P) drawn from Philox stream (key = seed, stream = "SH" tag · 2⁴⁸ + epoch). Epoch e's order
/// depends on (seed, e) alone, so a run resumed at any step reads the same examples.
/// </summary>
public sealed class EpochShuffler
{
    private const ulong StreamTag = 0x5348UL << 48; // "SH": apart from the streams of Shapeset and initializers

    /// <summary>A shuffler of [0, <paramref name="count"/>) under <paramref name="seed"/>.</summary>
    public EpochShuffler(long count, ulong seed)
    {
        if (count is <= 0 or > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), count, "Can shuffle 1 to 2^31 − 1 examples.");
        Count = (int)count;
        Seed = seed;
    }

    /// <summary>Number of examples permuted.</summary>
    public int Count { get; }

    /// <summary>Philox key.</summary>
    public ulong Seed { get; }

    /// <summary>The order of epoch <paramref name="epoch"/>: position p holds example <c>Permutation(epoch)[p]</c>.</summary>
    public int[] Permutation(long epoch)
    {
        if (epoch < 0 || (ulong)epoch >= 1UL << 48)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, "Epochs run from 0 to 2^48 − 1.");
        var order = new int[Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var rng = new RandomStream(Seed, StreamTag | (ulong)epoch);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
