using Glorot.Data;

namespace Glorot.Lab.Runs;

/// <summary>The one table of <see cref="PixelScaling"/> names, for the spec's input_scaling and glorot probe's --scaling
/// (docs/DATASETS.md "Normalization" says what each does).</summary>
public static class PixelScalingNames
{
    private static readonly (string Name, PixelScaling Scaling)[] Table =
    [
        ("zero-one", PixelScaling.ZeroOne),
        ("minus-one-one", PixelScaling.MinusOneOne),
        ("standardize", PixelScaling.Standardize),
    ];

    /// <summary>The names, in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(t => t.Name)];

    /// <summary>The scaling named <paramref name="name"/> (exact spelling, as specs have always been read).</summary>
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    public static PixelScaling Parse(string name)
    {
        foreach (var (n, scaling) in Table)
            if (n == name) return scaling;
        throw new ArgumentException($"'{name}' is unknown; use {string.Join(", ", Names)}.");
    }

    /// <summary>The name of <paramref name="scaling"/>.</summary>
    public static string Name(PixelScaling scaling)
    {
        foreach (var (n, s) in Table)
            if (s == scaling) return n;
        throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "Not a pixel scaling.");
    }
}
