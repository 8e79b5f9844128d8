namespace Glorot.Data;

/// <summary>
/// A finite data set held in memory as 8-bit pixels [N × InputSize] and labels [N], converted to floats by a
/// <see cref="PixelNormalization"/> as minibatches are filled (a quarter of the memory of floats). Slices share
/// the arrays, so a training file split into training and validation is loaded once.
/// </summary>
public sealed class ArrayDataset : IDataset
{
    private readonly byte[] _pixels;
    private readonly byte[] _labels;
    private readonly int _first;

    /// <summary>A data set over examples [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>)
    /// of <paramref name="pixels"/> and <paramref name="labels"/> (count −1: to the end).</summary>
    public ArrayDataset(string name, ImageShape shape, IReadOnlyList<string> classNames, byte[] pixels, byte[] labels,
        PixelNormalization normalization, int first = 0, int count = -1)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (shape.Size <= 0) throw new ArgumentException($"Invalid image shape {shape}.", nameof(shape));
        if (pixels.LongLength != (long)labels.Length * shape.Size)
            throw new ArgumentException($"{name}: {labels.Length} labels need {labels.Length} × {shape.Size} pixels, got {pixels.LongLength}.");
        if (count < 0) count = labels.Length - first;
        if (first < 0 || count <= 0 || first + count > labels.Length)
            throw new ArgumentOutOfRangeException(nameof(count), $"{name}: examples [{first}, {first + count}) do not fit in {labels.Length}.");
        foreach (var label in labels.AsSpan(first, count))
            if (label >= classNames.Count)
                throw new ArgumentException($"{name}: label {label} is not one of the {classNames.Count} classes.");
        Name = name;
        Shape = shape;
        ClassNames = classNames;
        Normalization = normalization;
        _pixels = pixels;
        _labels = labels;
        _first = first;
        Count = count;
    }

    /// <summary>Examples [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of this set, sharing its memory.</summary>
    public ArrayDataset Slice(string name, int first, int count) =>
        new(name, Shape, ClassNames, _pixels, _labels, Normalization, _first + first, count);

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public long Count { get; }

    /// <inheritdoc/>
    public bool IsEndless => false;

    /// <inheritdoc/>
    public ImageShape Shape { get; }

    /// <inheritdoc/>
    public int InputSize => Shape.Size;

    /// <inheritdoc/>
    public int ClassCount => ClassNames.Count;

    /// <inheritdoc/>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>How pixels become inputs.</summary>
    public PixelNormalization Normalization { get; }

    /// <summary>The 8-bit pixels of example <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Pixels(long index) => _pixels.AsSpan(checked((int)(Absolute(index) * InputSize)), InputSize);

    /// <inheritdoc/>
    public int CopyPixels(long index, Span<byte> pixels)
    {
        if (pixels.Length != InputSize)
            throw new ArgumentException($"Expected a span of {InputSize} pixels, got {pixels.Length}.", nameof(pixels));
        Pixels(index).CopyTo(pixels);
        return Label(index);
    }

    /// <summary>The label of example <paramref name="index"/>.</summary>
    public int Label(long index) => _labels[Absolute(index)];

    /// <summary>Every pixel of this set, [Count × InputSize].</summary>
    public ReadOnlySpan<byte> AllPixels => _pixels.AsSpan(_first * InputSize, (int)Count * InputSize);

    /// <summary>Every label of this set, [Count].</summary>
    public ReadOnlySpan<byte> AllLabels => _labels.AsSpan(_first, (int)Count);

    /// <inheritdoc/>
    public void Fill(ReadOnlySpan<long> indices, Span<float> inputs, Span<int> labels)
    {
        DatasetChecks.CheckBatch(this, indices, inputs, labels);
        for (var b = 0; b < indices.Length; b++)
        {
            Normalization.Apply(Pixels(indices[b]), inputs.Slice(b * InputSize, InputSize));
            labels[b] = Label(indices[b]);
        }
    }

    private long Absolute(long index)
    {
        if (index < 0 || index >= Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"{Name} has examples 0 to {Count - 1}.");
        return _first + index;
    }
}
