using Glorot.Init;

namespace Glorot.Nn;

/// <summary>
/// Fills one weight matrix W (fanOut × fanIn, row-major, PyTorch's nn.Linear layout) from the random stream
/// (<paramref name="seed"/>, <paramref name="stream"/>); the hook through which any initializer scheme plugs
/// into <see cref="Mlp.Initialize"/>. The fill must be a pure function of its arguments (counter-based draws),
/// so that the same seed gives the same weights bit for bit.
/// </summary>
public delegate void WeightFill(Span<float> weights, int fanOut, int fanIn, ulong seed, ulong stream);

/// <summary>Initializers of the library as <see cref="WeightFill"/>s, and the two of Glorot &amp; Bengio (2010).</summary>
public static class WeightFills
{
    /// <summary>
    /// Any initializer as a weight fill: W is drawn as a tensor of shape [fanOut, fanIn] (PyTorch's nn.Linear
    /// layout), so its fans are the layer's.
    /// </summary>
    public static WeightFill From(Initializer initializer)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        return (w, fanOut, fanIn, seed, stream) => initializer.Fill(w, [fanOut, fanIn], seed, stream);
    }

    /// <summary>
    /// <paramref name="hidden"/> for every hidden layer and <paramref name="output"/> for the softmax layer, the last of
    /// <paramref name="layerCount"/> (stream layerCount − 1): a run spec's "init" and "output_init".
    /// </summary>
    public static WeightFill HiddenAndOutput(WeightFill hidden, WeightFill output, int layerCount)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(output);
        return (w, fanOut, fanIn, seed, stream) => (stream == (ulong)(layerCount - 1) ? output : hidden)(w, fanOut, fanIn, seed, stream);
    }

    /// <summary>"Standard" initialization, Glorot &amp; Bengio (2010) eq. 1: U[−1/√fan_in, 1/√fan_in].</summary>
    public static WeightFill Standard { get; } = From(Schemes.Create("standard"));

    /// <summary>"Normalized" initialization, Glorot &amp; Bengio (2010) eq. 16: U[±√6/√(fan_in + fan_out)].</summary>
    public static WeightFill Normalized { get; } = From(Schemes.Create("xavier-uniform"));
}
