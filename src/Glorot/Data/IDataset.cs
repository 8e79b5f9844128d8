namespace Glorot.Data;

/// <summary>
/// A split of a data set (training, validation or test) as the trainer sees it: a numbered list of examples,
/// each a vector of <see cref="InputSize"/> floats and a class label in [0, <see cref="ClassCount"/>).
/// </summary>
/// <remarks>
/// Example <c>i</c> is always the same vector and label, whatever else was read before, so a minibatch is a
/// pure function of the indices it names (what makes shuffling, resuming and multi-threaded reading
/// reproducible). Images are stored channel-major: channel c, row y, column x is input
/// <c>(c·Height + y)·Width + x</c>.
/// </remarks>
public interface IDataset
{
    /// <summary>A short name: <c>shapeset/train</c>, <c>mnist/test</c>.</summary>
    string Name { get; }

    /// <summary>Number of examples; <see cref="long.MaxValue"/> for an endless stream (<see cref="IsEndless"/>).</summary>
    long Count { get; }

    /// <summary>True for a generated stream with no end (Shapeset training data): every index is valid.</summary>
    bool IsEndless { get; }

    /// <summary>The image layout behind each input vector.</summary>
    ImageShape Shape { get; }

    /// <summary>Length of one input vector (= <see cref="ImageShape.Size"/>).</summary>
    int InputSize { get; }

    /// <summary>Number of classes.</summary>
    int ClassCount { get; }

    /// <summary>Name of each class, in label order.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// Fills a minibatch. <paramref name="inputs"/> is [B × <see cref="InputSize"/>] row-major,
    /// <paramref name="labels"/> is [B], with B = <paramref name="indices"/>.Length.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index outside [0, <see cref="Count"/>).</exception>
    /// <exception cref="ArgumentException">A span of the wrong length.</exception>
    void Fill(ReadOnlySpan<long> indices, Span<float> inputs, Span<int> labels);

    /// <summary>
    /// Copies the 8-bit pixels of example <paramref name="index"/>, before normalization, into
    /// <paramref name="pixels"/> [<see cref="InputSize"/>] (for previews and statistics) and returns its label.
    /// </summary>
    int CopyPixels(long index, Span<byte> pixels);
}
