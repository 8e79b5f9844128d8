namespace Glorot.Data;

/// <summary>
/// The map from an 8-bit pixel value v to a float input, x = (v / 255 − <see cref="Mean"/>) / <see cref="Std"/>,
/// held as a 256-entry table computed in double precision so that every path gives the same bits.
/// </summary>
public sealed class PixelNormalization
{
    private readonly float[] _table = new float[256];

    private PixelNormalization(double mean, double std, string description)
    {
        if (!(std > 0) || !double.IsFinite(mean) || !double.IsFinite(std))
            throw new ArgumentException($"A pixel normalization needs a finite mean and a positive std (got {mean}, {std}).");
        Mean = mean;
        Std = std;
        Description = description;
        for (var v = 0; v < 256; v++) _table[v] = (float)((v / 255.0 - mean) / std);
    }

    /// <summary>v / 255 ∈ [0, 1].</summary>
    public static PixelNormalization ZeroOne { get; } = new(0, 1, "v/255 in [0, 1]");

    /// <summary>(v / 255)·2 − 1 ∈ [−1, 1], Glorot's <c>neg=True</c> (mean ½, std ½ in this form).</summary>
    public static PixelNormalization MinusOneOne { get; } = new(0.5, 0.5, "2v/255 - 1 in [-1, 1]");

    /// <summary>(v / 255 − mean) / std, with mean and std of v / 255 measured on the training split.</summary>
    public static PixelNormalization Standardized(double mean, double std) =>
        new(mean, std, $"(v/255 - {mean:G6}) / {std:G6}");

    /// <summary>The normalization that <paramref name="scaling"/> names; for <see cref="PixelScaling.Standardize"/>
    /// the mean and std of v / 255 over <paramref name="trainingPixels"/>.</summary>
    public static PixelNormalization For(PixelScaling scaling, ReadOnlySpan<byte> trainingPixels) => scaling switch
    {
        PixelScaling.ZeroOne => ZeroOne,
        PixelScaling.MinusOneOne => MinusOneOne,
        PixelScaling.Standardize => FromMoments(trainingPixels),
        _ => throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "Unknown pixel scaling."),
    };

    private static PixelNormalization FromMoments(ReadOnlySpan<byte> pixels)
    {
        if (pixels.IsEmpty) throw new ArgumentException("Cannot standardize with no training pixels.");
        var histogram = new PixelHistogram();
        histogram.Add(pixels);
        // One value is detected by counting values, not by std == 0: rounding leaves a std of ~1e-9 for some.
        if (histogram.Distinct < 2) throw new ArgumentException("Cannot standardize: every training pixel has the same value.");
        var (mean, std) = histogram.Moments();
        return Standardized(mean, std);
    }

    /// <summary>Mean subtracted from v / 255.</summary>
    public double Mean { get; }

    /// <summary>Divisor applied after subtracting <see cref="Mean"/>.</summary>
    public double Std { get; }

    /// <summary>The formula in words, for logs and <c>glorot data stats</c>.</summary>
    public string Description { get; }

    /// <summary>The input value for pixel value <paramref name="v"/>.</summary>
    public float this[byte v] => _table[v];

    /// <summary>Converts <paramref name="pixels"/> into <paramref name="inputs"/> (same length).</summary>
    public void Apply(ReadOnlySpan<byte> pixels, Span<float> inputs)
    {
        if (inputs.Length != pixels.Length)
            throw new ArgumentException($"Expected {pixels.Length} inputs, got a span of {inputs.Length}.", nameof(inputs));
        var table = _table;
        for (var i = 0; i < pixels.Length; i++) inputs[i] = table[pixels[i]];
    }
}
