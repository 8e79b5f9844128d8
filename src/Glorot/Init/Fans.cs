namespace Glorot.Init;

/// <summary>
/// The fans of a weight tensor: fan_in = inputs per output unit, fan_out = outputs fed per input unit, each
/// including the receptive field Πk of a convolution kernel. The one place where fans are computed from a shape.
/// </summary>
/// <param name="FanIn">Number of inputs each output unit sums over.</param>
/// <param name="FanOut">Number of output units each input unit feeds.</param>
public readonly record struct Fans(long FanIn, long FanOut)
{
    /// <summary>
    /// Fans of a tensor of the given shape (at least two dimensions). PyTorch layout [out, in, k…] by default,
    /// Keras layout [k…, in, out] on request; both multiply the receptive field Πk into each fan.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two dimensions, or a dimension that is not positive.</exception>
    public static Fans Of(ReadOnlySpan<int> shape, TensorLayout layout = TensorLayout.OutInKernel)
    {
        Shapes.Validate(shape);
        if (shape.Length < 2)
            throw new ArgumentException(
                $"Fans need a shape of at least two dimensions ([out, in] or [out, in, k…]); got {Shapes.Format(shape)}.",
                nameof(shape));
        long receptive = 1;
        var kernel = layout == TensorLayout.OutInKernel ? shape[2..] : shape[..^2];
        foreach (var k in kernel) receptive *= k;
        (long fanOut, long fanIn) = layout == TensorLayout.OutInKernel
            ? ((long)shape[0], (long)shape[1])
            : ((long)shape[^1], (long)shape[^2]);
        return new Fans(fanIn * receptive, fanOut * receptive);
    }

    /// <summary>The n that a variance-scaling scheme divides by.</summary>
    public double For(FanMode mode) => mode switch
    {
        FanMode.FanIn => FanIn,
        FanMode.FanOut => FanOut,
        FanMode.FanAvg => (FanIn + FanOut) / 2.0,
        FanMode.FanGeoAvg => Math.Sqrt((double)FanIn * FanOut),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
