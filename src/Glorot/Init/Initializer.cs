namespace Glorot.Init;

/// <summary>
/// A weight initializer: a rule that fills a tensor of a given shape from (seed, stream). Every scheme says what
/// it draws (<see cref="Describe"/>) before drawing it, and the same seed and stream give the same bits on any
/// thread count.
/// </summary>
public abstract record Initializer
{
    /// <summary>The scheme's name as the CLI spells it (e.g. "xavier-uniform").</summary>
    public abstract string Scheme { get; }

    /// <summary>What a fill of this shape draws (fans, gain, mean, std, support), without drawing.</summary>
    /// <exception cref="ArgumentException">The shape does not suit the scheme.</exception>
    public abstract InitStats Describe(ReadOnlySpan<int> shape);

    /// <summary>Fills <paramref name="values"/> (C order, <paramref name="shape"/>) and returns what was drawn.</summary>
    public InitStats Fill(Span<float> values, ReadOnlySpan<int> shape, ulong seed, ulong stream = 0, int threads = 2)
    {
        int count = Shapes.ElementCount(shape);
        if (values.Length != count)
            throw new ArgumentException($"Shape {Shapes.Format(shape)} holds {count} values but the span has {values.Length}.");
        var stats = Describe(shape);
        FillCore(values, shape, stats, seed, stream, threads);
        return stats;
    }

    /// <summary>A new tensor of the given shape, filled.</summary>
    public Tensor Create(int[] shape, ulong seed, ulong stream = 0)
    {
        var tensor = new Tensor(shape);
        Fill(tensor.Span, shape, seed, stream);
        return tensor;
    }

    /// <summary>Draws the values; <paramref name="stats"/> is this scheme's <see cref="Describe"/> of the shape.</summary>
    protected abstract void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats,
        ulong seed, ulong stream, int threads);
}

/// <summary>What an initializer draws for a given shape.</summary>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="Distribution">"uniform", "normal", "truncated-normal", "orthogonal", "constant", "identity", "dirac".</param>
/// <param name="Fans">Fans of the shape, where the scheme uses them.</param>
/// <param name="Gain">The gain applied, where the scheme has one.</param>
/// <param name="Mean">Mean of each value's distribution (for deterministic schemes, the mean over the tensor).</param>
/// <param name="Std">Standard deviation of each value's distribution (for deterministic schemes, over the tensor).</param>
/// <param name="Low">Lower end of the support, where bounded.</param>
/// <param name="High">Upper end of the support, where bounded.</param>
/// <param name="Formula">The rule in mathematical notation, with its source.</param>
public sealed record InitStats(
    string Scheme, string Distribution, Fans? Fans, double? Gain, double Mean, double Std,
    double? Low, double? High, string Formula)
{
    /// <summary>For symmetric uniform draws, the bound a of U[−a, a].</summary>
    public double? Bound => Distribution == "uniform" && Low is { } low && High is { } high && low == -high ? high : null;
}
