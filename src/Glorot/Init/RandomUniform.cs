using Glorot.Random;

namespace Glorot.Init;

/// <summary>U[low, high) with explicit bounds (PyTorch's <c>uniform_</c>; default [0, 1)).</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
/// <param name="Name">The scheme name reported (presets pass their own, e.g. "pytorch-linear-bias").</param>
public sealed record RandomUniform(double Low = 0, double High = 1, string Name = "uniform") : Initializer
{
    /// <inheritdoc />
    public override string Scheme => Name;

    /// <inheritdoc />
    public override Func<double, double>? Cdf(ReadOnlySpan<int> shape) => x => Math.Clamp((x - Low) / (High - Low), 0, 1);

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        Shapes.Validate(shape);
        if (!(Low < High) || !double.IsFinite(High - Low))
            throw new ArgumentException($"{Name}: need finite bounds with low < high; got [{Low}, {High}].");
        // Var of U[l, h] = (h − l)²/12.
        return new InitStats(Scheme, "uniform", null, null, (Low + High) / 2, (High - Low) / Math.Sqrt(12), Low, High,
            $"U[{Low:G6}, {High:G6})");
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads) =>
        RandomFill.Uniform(values, (float)Low, (float)High, seed, stream, 0, threads);
}
