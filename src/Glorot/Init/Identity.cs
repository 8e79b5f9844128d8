namespace Glorot.Init;

/// <summary>
/// gain·I for a 2-D [out, in] matrix, rectangular allowed: W[i, i] = gain for i &lt; min(out, in), zero elsewhere
/// (PyTorch's <c>eye_</c>, Keras' <c>Identity</c>).
/// </summary>
/// <param name="Gain">The diagonal value.</param>
public sealed record Identity(double Gain = 1.0) : Initializer
{
    /// <inheritdoc />
    public override string Scheme => "identity";

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        Shapes.Validate(shape);
        if (shape.Length != 2)
            throw new ArgumentException($"identity needs a 2-D [out, in] shape (use dirac for convolution kernels); got {Shapes.Format(shape)}.");
        if (!double.IsFinite(Gain)) throw new ArgumentException($"identity: gain must be finite; got {Gain}.");
        return Deterministic.Stats(Scheme, "identity", shape, Gain, Math.Min(shape[0], shape[1]), Fans.Of(shape),
            "W = gain·I (rectangular: ones on the main diagonal)");
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads)
    {
        values.Clear();
        for (var i = 0; i < Math.Min(shape[0], shape[1]); i++) values[i * shape[1] + i] = (float)Gain;
    }
}
