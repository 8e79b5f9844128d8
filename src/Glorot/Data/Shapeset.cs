namespace Glorot.Data;

/// <summary>Which Shapeset split a stream belongs to; part of the Philox stream number, so splits never share an image.</summary>
public enum ShapesetSplit
{
    /// <summary>The endless training stream.</summary>
    Train = 0,

    /// <summary>The fixed validation set.</summary>
    Validation = 1,

    /// <summary>The fixed test set.</summary>
    Test = 2,
}

/// <summary>
/// Shapeset-3×2 (Glorot &amp; Bengio 2010, §2.1), generated: 32×32 grey images of one or two triangles,
/// parallelograms or ellipses, 9 classes. Example <c>i</c> of a split is drawn from its own Philox stream,
/// key = seed, stream = <see cref="StreamOf"/>(split, i), so it is the same image whatever the batch size,
/// reading order or thread count.
/// </summary>
/// <remarks>
/// The training split is endless; validation and test are fixed sets (10,000 each by default, as in Glorot's
/// DeepANN Shapeset set-up) drawn with <see cref="DefaultEvaluationSeed"/>, independent of the training seed,
/// so that runs with different training seeds are scored on the same images. The split number inside the
/// stream number keeps the three apart even when the seeds coincide. Pixels are scaled to [0, 1] by default
/// (Glorot's DeepANN configuration; [−1, 1] on request) and laid out row-major as drawn (Glorot's vectors were the
/// transpose, pygame's [x][y] order: a fixed input permutation that a dense network cannot tell apart). The
/// images follow Glorot's distribution, not his bits (his generator walks one numpy RandomState through all
/// images). See docs/DATASETS.md for every parameter and decision.
/// </remarks>
public sealed class Shapeset : IDataset
{
    /// <summary>Seed of the fixed validation and test sets (the paper's year; any fixed value would do).</summary>
    public const ulong DefaultEvaluationSeed = 2010;

    /// <summary>Default size of the validation and test sets (Glorot's DeepANN Shapeset set: 10,000 each).</summary>
    public const int DefaultEvaluationCount = 10_000;

    /// <summary>Exclusive bound on example indices: the index takes the low 40 bits of the stream number.</summary>
    public const long MaxIndex = 1L << 40;

    private const ulong StreamTag = 0x5353UL << 48; // "SS": keeps Shapeset streams apart from other users of a seed

    [ThreadStatic] private static ShapesetSampler? t_sampler;
    [ThreadStatic] private static byte[]? t_pixels;

    private readonly PixelNormalization _normalization;

    private Shapeset(ShapesetSplit split, ulong seed, long count, PixelScaling scaling)
    {
        _normalization = scaling switch
        {
            PixelScaling.ZeroOne => PixelNormalization.ZeroOne,
            PixelScaling.MinusOneOne => PixelNormalization.MinusOneOne,
            _ => throw new ArgumentException(
                $"Shapeset supports pixel scaling zero-one or minus-one-one, not {scaling} (it has no fixed training set to standardize on)."),
        };
        Split = split;
        Seed = seed;
        Count = count;
        Scaling = scaling;
    }

    /// <summary>The endless training stream of seed <paramref name="seed"/>.</summary>
    public static Shapeset Training(ulong seed, PixelScaling scaling = PixelScaling.ZeroOne) =>
        new(ShapesetSplit.Train, seed, long.MaxValue, scaling);

    /// <summary>The fixed validation set.</summary>
    public static Shapeset Validation(int count = DefaultEvaluationCount, ulong seed = DefaultEvaluationSeed,
        PixelScaling scaling = PixelScaling.ZeroOne) => new(ShapesetSplit.Validation, seed, CheckCount(count), scaling);

    /// <summary>The fixed test set.</summary>
    public static Shapeset Test(int count = DefaultEvaluationCount, ulong seed = DefaultEvaluationSeed,
        PixelScaling scaling = PixelScaling.ZeroOne) => new(ShapesetSplit.Test, seed, CheckCount(count), scaling);

    /// <summary>Training stream of <paramref name="trainingSeed"/> with the fixed validation and test sets.</summary>
    public static DataSplits Splits(ulong trainingSeed, PixelScaling scaling = PixelScaling.ZeroOne,
        int evaluationCount = DefaultEvaluationCount, ulong evaluationSeed = DefaultEvaluationSeed) =>
        new(Training(trainingSeed, scaling), Validation(evaluationCount, evaluationSeed, scaling),
            Test(evaluationCount, evaluationSeed, scaling));

    private static long CheckCount(int count) =>
        count > 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "A Shapeset split needs at least one example.");

    /// <summary>Philox stream number of example <paramref name="index"/>: "SS" tag (16 bits), split (8 bits), index (40 bits).</summary>
    public static ulong StreamOf(ShapesetSplit split, long index)
    {
        if ((ulong)index >= MaxIndex)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Shapeset indices run from 0 to 2^40 − 1.");
        return StreamTag | ((ulong)split << 40) | (ulong)index;
    }

    /// <summary>Which split this is.</summary>
    public ShapesetSplit Split { get; }

    /// <summary>The Philox key of this split.</summary>
    public ulong Seed { get; }

    /// <summary>How pixels are scaled.</summary>
    public PixelScaling Scaling { get; }

    /// <inheritdoc/>
    public string Name => "shapeset/" + Split.ToString().ToLowerInvariant();

    /// <inheritdoc/>
    public long Count { get; }

    /// <inheritdoc/>
    public bool IsEndless => Split == ShapesetSplit.Train;

    /// <inheritdoc/>
    public ImageShape Shape => new(1, ShapesetSpec.ImageSize, ShapesetSpec.ImageSize);

    /// <inheritdoc/>
    public int InputSize => ShapesetSpec.InputSize;

    /// <inheritdoc/>
    public int ClassCount => ShapesetSpec.ClassCount;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames => ShapesetClasses.Names;

    /// <summary>Every parameter of example <paramref name="index"/>.</summary>
    internal ShapesetScene Scene(long index)
    {
        var sampler = Sampler();
        sampler.Sample(Seed, Stream(index));
        return sampler.ToScene();
    }

    /// <summary>Draws example <paramref name="index"/> as 8-bit pixels [32 × 32] and returns its label.</summary>
    public int Render(long index, Span<byte> pixels)
    {
        if (pixels.Length != ShapesetSpec.InputSize)
            throw new ArgumentException($"Expected a span of {ShapesetSpec.InputSize} pixels, got {pixels.Length}.", nameof(pixels));
        var sampler = Sampler();
        int label = sampler.Sample(Seed, Stream(index));
        sampler.Render(pixels);
        return label;
    }

    /// <inheritdoc/>
    public int CopyPixels(long index, Span<byte> pixels) => Render(index, pixels);

    /// <summary>The label of example <paramref name="index"/>, without drawing it.</summary>
    public int Label(long index) => Sampler().Sample(Seed, Stream(index));

    /// <inheritdoc/>
    public void Fill(ReadOnlySpan<long> indices, Span<float> inputs, Span<int> labels)
    {
        DatasetChecks.CheckBatch(this, indices, inputs, labels);
        var pixels = t_pixels ??= new byte[ShapesetSpec.InputSize];
        for (var b = 0; b < indices.Length; b++)
        {
            labels[b] = Render(indices[b], pixels);
            _normalization.Apply(pixels, inputs.Slice(b * ShapesetSpec.InputSize, ShapesetSpec.InputSize));
        }
    }

    private ulong Stream(long index)
    {
        if (index < 0 || index >= Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has examples 0 to {Count - 1}.");
        return StreamOf(Split, index);
    }

    private static ShapesetSampler Sampler() => t_sampler ??= new ShapesetSampler();
}
