namespace Glorot.Init;

/// <summary>
/// The negative control of <see cref="SelfTest"/>: describes itself exactly as <paramref name="Inner"/> does,
/// but draws Inner's values stretched about the described mean by <paramref name="StdFactor"/>, so its values'
/// std is StdFactor times what it claims. A self-test that passes this initializer has no power; the tests and
/// <c>glorot init --verify --test-miscalibrate</c> use it to show that the checks catch a wrong distribution.
/// </summary>
/// <param name="Inner">The initializer whose description is borrowed.</param>
/// <param name="StdFactor">How much wider than claimed the draw is (1 = honest).</param>
internal sealed record Miscalibrated(Initializer Inner, double StdFactor) : Initializer
{
    /// <inheritdoc />
    public override string Scheme => Inner.Scheme;

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        if (!(StdFactor > 0) || !double.IsFinite(StdFactor))
            throw new ArgumentException($"The miscalibration factor must be positive and finite; got {StdFactor}.");
        return Inner.Describe(shape);
    }

    /// <inheritdoc />
    public override Func<double, double>? Cdf(ReadOnlySpan<int> shape) => Inner.Cdf(shape);

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads)
    {
        Inner.Fill(values, shape, seed, stream, threads);
        float mean = (float)stats.Mean, factor = (float)StdFactor;
        for (var i = 0; i < values.Length; i++) values[i] = mean + factor * (values[i] - mean);
    }
}
