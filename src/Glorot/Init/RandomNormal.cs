using Glorot.Random;

namespace Glorot.Init;

/// <summary>N(mean, std²), untruncated (PyTorch's <c>normal_</c>; default N(0, 1)).</summary>
/// <param name="Mean">Mean.</param>
/// <param name="Std">Standard deviation.</param>
public sealed record RandomNormal(double Mean = 0, double Std = 1) : Initializer
{
    /// <inheritdoc />
    public override string Scheme => "normal";

    /// <inheritdoc />
    public override Func<double, double>? Cdf(ReadOnlySpan<int> shape) => x => RandomFill.StandardNormalCdf((x - Mean) / Std);

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        Shapes.Validate(shape);
        if (!(Std > 0) || !double.IsFinite(Std) || !double.IsFinite(Mean))
            throw new ArgumentException($"normal: need a finite mean and std > 0; got mean {Mean}, std {Std}.");
        return new InitStats(Scheme, "normal", null, null, Mean, Std, null, null, $"N({Mean:G6}, {Std:G6}²)");
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads) =>
        RandomFill.Normal(values, (float)Mean, (float)Std, seed, stream, 0, threads);
}
