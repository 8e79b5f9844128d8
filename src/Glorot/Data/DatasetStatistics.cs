namespace Glorot.Data;

/// <summary>Class frequencies and pixel statistics of the first examples of a split.</summary>
/// <param name="Name">The split's name.</param>
/// <param name="Examples">Examples counted.</param>
/// <param name="ClassNames">Class names, in label order.</param>
/// <param name="ClassCounts">Examples of each class.</param>
/// <param name="PixelMean">Mean of v / 255 over every pixel.</param>
/// <param name="PixelStd">Standard deviation of v / 255 over every pixel.</param>
/// <param name="PixelMin">Smallest v / 255.</param>
/// <param name="PixelMax">Largest v / 255.</param>
public sealed record DatasetStatistics(
    string Name, long Examples, IReadOnlyList<string> ClassNames, long[] ClassCounts,
    double PixelMean, double PixelStd, double PixelMin, double PixelMax)
{
    /// <summary>Fraction of examples in each class.</summary>
    public double[] ClassFrequencies => ClassCounts.Select(c => c / (double)Examples).ToArray();

    /// <summary>Test error of always answering the most frequent class (5/6 for Shapeset, 0.9 for balanced 10 classes).</summary>
    public double ConstantPredictorError => 1 - ClassCounts.Max() / (double)Examples;

    /// <summary>Examples counted of an endless split (Shapeset's training stream) when no count is given.</summary>
    public const long EndlessSplitCount = 10_000;

    /// <summary>
    /// Statistics of each split, of its first <paramref name="count"/> examples or all of a shorter one; without a count,
    /// all of a finite split and <see cref="EndlessSplitCount"/> of an endless one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static DatasetStatistics[] Of(IEnumerable<IDataset> splits, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(splits);
        if (count is <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "The count of examples must be positive.");
        return [.. splits.Select(d => Compute(d, Math.Min(count ?? (d.IsEndless ? EndlessSplitCount : d.Count), d.Count)))];
    }

    /// <summary>Counts examples 0 … <paramref name="count"/> − 1 of <paramref name="data"/> (all of a finite set by default).</summary>
    public static DatasetStatistics Compute(IDataset data, long? count = null)
    {
        long n = count ?? (data.IsEndless
            ? throw new ArgumentException($"{data.Name} is endless: say how many examples to count.")
            : data.Count);
        if (n <= 0 || n > data.Count)
            throw new ArgumentOutOfRangeException(nameof(count), n, $"{data.Name} has {data.Count} examples.");
        var classCounts = new long[data.ClassCount];
        var histogram = new PixelHistogram();
        var pixels = new byte[data.InputSize];
        for (long i = 0; i < n; i++)
        {
            classCounts[data.CopyPixels(i, pixels)]++;
            histogram.Add(pixels);
        }
        var (mean, std) = histogram.Moments();
        var (min, max) = histogram.Range;
        return new DatasetStatistics(data.Name, n, data.ClassNames, classCounts, mean, std, min, max);
    }
}
