namespace Glorot.Data;

/// <summary>Argument checks shared by every <see cref="IDataset.Fill"/>.</summary>
internal static class DatasetChecks
{
    public static void CheckBatch(IDataset data, ReadOnlySpan<long> indices, Span<float> inputs, Span<int> labels)
    {
        if (labels.Length != indices.Length)
            throw new ArgumentException($"Expected {indices.Length} labels, got a span of {labels.Length}.", nameof(labels));
        if (inputs.Length != (long)indices.Length * data.InputSize)
            throw new ArgumentException(
                $"Expected {indices.Length} × {data.InputSize} inputs, got a span of {inputs.Length}.", nameof(inputs));
        foreach (var index in indices)
            if (index < 0 || index >= data.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"{data.Name} has examples 0 to {data.Count - 1}.");
    }
}
