namespace Glorot;

/// <summary>Checks and formats tensor shapes.</summary>
internal static class Shapes
{
    /// <summary>The number of elements; throws if a dimension is not positive or the product exceeds a span.</summary>
    public static int ElementCount(ReadOnlySpan<int> shape)
    {
        Validate(shape);
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
            if (count > Array.MaxLength)
                throw new ArgumentException($"Shape {Format(shape)} has more elements than one array can hold ({Array.MaxLength}).", nameof(shape));
        }
        return (int)count;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first dimension that is not positive.</summary>
    public static void Validate(ReadOnlySpan<int> shape)
    {
        if (shape.IsEmpty) throw new ArgumentException("The shape is empty: give at least one dimension.", nameof(shape));
        for (var i = 0; i < shape.Length; i++)
            if (shape[i] <= 0)
                throw new ArgumentException($"Dimension {i} of shape {Format(shape)} is {shape[i]}: every dimension must be positive.", nameof(shape));
    }

    /// <summary>"[256, 784]".</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>Parses "256,784" or "256x784".</summary>
    /// <exception cref="FormatException">No dimensions, an empty one ("3,,3": a typo, not a 2-D shape), or not an integer.</exception>
    public static int[] Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException($"Shape '{text}' has no dimensions; write it as 256,784.");
        var parts = text.Split([',', 'x', '×'], StringSplitOptions.TrimEntries);
        var shape = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (parts[i].Length == 0)
                throw new FormatException($"Shape '{text}' has an empty dimension (position {i}); write the shape as 256,784.");
            else if (!int.TryParse(parts[i], out shape[i]))
                throw new FormatException($"Shape '{text}': '{parts[i]}' is not an integer; write the shape as 256,784.");
        Validate(shape);
        return shape;
    }
}
