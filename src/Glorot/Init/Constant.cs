namespace Glorot.Init;

/// <summary>
/// Every value equal to <paramref name="Value"/>. The seeds' symmetry-breaking counterexample: with constant
/// weights every unit of a layer computes the same function and receives the same gradient, so they never differ.
/// </summary>
/// <param name="Value">The constant.</param>
/// <param name="Name">"constant", "zeros" or "ones".</param>
public sealed record Constant(double Value, string Name = "constant") : Initializer
{
    /// <inheritdoc />
    public override string Scheme => Name;

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        Shapes.Validate(shape);
        if (!double.IsFinite(Value)) throw new ArgumentException($"{Name}: the value must be finite; got {Value}.");
        return new InitStats(Scheme, "constant", null, null, Value, 0, Value, Value, $"W = {Value:G6}");
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads) =>
        values.Fill((float)Value);
}
