namespace Glorot.Data;

/// <summary>
/// Minibatch <c>k</c> of a data set: the examples at positions k·B … k·B + B − 1 of the reading order, where a
/// finite set is read epoch after epoch, each in the order of an <see cref="EpochShuffler"/> (or in index order
/// without shuffling), and an endless stream is read in index order (each index is a fresh image). Minibatch k
/// depends on (data, B, seed, k) alone, so training can resume at any step bit-identically.
/// </summary>
/// <remarks>Not thread-safe: it caches the permutation of the epoch it last read.</remarks>
public sealed class Minibatches
{
    private readonly EpochShuffler? _shuffler;
    private long _cachedEpoch = -1;
    private int[]? _cachedOrder;

    /// <summary>Minibatches of <paramref name="batchSize"/> examples of <paramref name="data"/>.</summary>
    public Minibatches(IDataset data, int batchSize, ulong shuffleSeed, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A minibatch needs at least one example.");
        Data = data;
        BatchSize = batchSize;
        if (shuffle && !data.IsEndless) _shuffler = new EpochShuffler(data.Count, shuffleSeed);
    }

    /// <summary>The data set read.</summary>
    public IDataset Data { get; }

    /// <summary>Examples per minibatch (B).</summary>
    public int BatchSize { get; }

    /// <summary>The example indices of minibatch <paramref name="step"/> into <paramref name="indices"/> [B].</summary>
    public void Indices(long step, Span<long> indices)
    {
        if (indices.Length != BatchSize) throw new ArgumentException($"Expected {BatchSize} indices, got a span of {indices.Length}.", nameof(indices));
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), step, "Steps start at 0.");
        long position = checked(step * BatchSize);
        for (var j = 0; j < BatchSize; j++, position++)
        {
            if (Data.IsEndless)
            {
                indices[j] = position;
                continue;
            }
            long epoch = position / Data.Count, within = position % Data.Count;
            indices[j] = _shuffler is null ? within : Order(epoch)[within];
        }
    }

    /// <summary>Fills minibatch <paramref name="step"/>: inputs [B × InputSize], labels [B].</summary>
    public void Fill(long step, Span<float> inputs, Span<int> labels)
    {
        Span<long> indices = BatchSize <= 1024 ? stackalloc long[BatchSize] : new long[BatchSize];
        Indices(step, indices);
        Data.Fill(indices, inputs, labels);
    }

    private int[] Order(long epoch)
    {
        if (epoch != _cachedEpoch)
        {
            _cachedOrder = _shuffler!.Permutation(epoch);
            _cachedEpoch = epoch;
        }
        return _cachedOrder!;
    }
}
