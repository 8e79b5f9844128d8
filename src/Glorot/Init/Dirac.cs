namespace Glorot.Init;

/// <summary>
/// The Dirac delta for convolution kernels [out, in, k…] (3 to 5 dimensions): within each of
/// <paramref name="Groups"/> groups, output channel d passes input channel d through the kernel's centre
/// (index k/2 in each spatial dimension), so the convolution is the identity (PyTorch's <c>dirac_</c>).
/// </summary>
/// <param name="Groups">Number of groups; must divide the output channels.</param>
public sealed record Dirac(int Groups = 1) : Initializer
{
    /// <inheritdoc />
    public override string Scheme => "dirac";

    /// <inheritdoc />
    public override InitStats Describe(ReadOnlySpan<int> shape)
    {
        Shapes.Validate(shape);
        if (shape.Length is < 3 or > 5)
            throw new ArgumentException($"dirac needs a convolution kernel shape [out, in, k…] of 3 to 5 dimensions; got {Shapes.Format(shape)}.");
        if (Groups < 1 || shape[0] % Groups != 0)
            throw new ArgumentException($"dirac: groups ({Groups}) must be positive and divide the {shape[0]} output channels.");
        int ones = Groups * Math.Min(shape[0] / Groups, shape[1]);
        return Deterministic.Stats(Scheme, "dirac", shape, 1.0, ones, Fans.Of(shape),
            $"W[g·(out/{Groups}) + d, d, centre] = 1 for d < min(out/{Groups}, in)");
    }

    /// <inheritdoc />
    protected override void FillCore(Span<float> values, ReadOnlySpan<int> shape, InitStats stats, ulong seed, ulong stream, int threads)
    {
        values.Clear();
        int outPerGroup = shape[0] / Groups, input = shape[1];
        int kernelSize = 1, centre = 0;
        for (var dim = 2; dim < shape.Length; dim++)
        {
            centre = centre * shape[dim] + shape[dim] / 2;
            kernelSize *= shape[dim];
        }
        for (var g = 0; g < Groups; g++)
        for (var d = 0; d < Math.Min(outPerGroup, input); d++)
            values[((g * outPerGroup + d) * input + d) * kernelSize + centre] = 1f;
    }
}
