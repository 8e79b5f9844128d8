using Glorot.Random;

namespace Glorot.Nn;

/// <summary>
/// Fills one weight matrix W (fanOut × fanIn, row-major, PyTorch's nn.Linear layout) from the random stream
/// (<paramref name="seed"/>, <paramref name="stream"/>); the hook through which any initializer scheme plugs
/// into <see cref="Mlp.Initialize"/>. The fill must be a pure function of its arguments (counter-based draws),
/// so that the same seed gives the same weights bit for bit.
/// </summary>
public delegate void WeightFill(Span<float> weights, int fanOut, int fanIn, ulong seed, ulong stream);

/// <summary>The two initializations of Glorot &amp; Bengio (2010), as <see cref="WeightFill"/>s.</summary>
public static class PaperWeightFills
{
    /// <summary>
    /// "Standard" initialization, Glorot &amp; Bengio (2010) eq. 1: W_ij ~ U[−1/√n, 1/√n], n = fan-in.
    /// </summary>
    public static WeightFill Standard { get; } = (w, fanOut, fanIn, seed, stream) =>
        FillUniform(w, 1.0 / Math.Sqrt(fanIn), seed, stream);

    /// <summary>
    /// "Normalized" initialization, Glorot &amp; Bengio (2010) eq. 16: W ~ U[−√6/√(n_in + n_out), +√6/√(n_in + n_out)],
    /// so Var[W] = 2/(n_in + n_out) (eq. 12).
    /// </summary>
    public static WeightFill Normalized { get; } = (w, fanOut, fanIn, seed, stream) =>
        FillUniform(w, Math.Sqrt(6.0 / (fanIn + fanOut)), seed, stream);

    // Element i is draw i of (seed, stream): independent of how the matrix is split or who fills it.
    private static void FillUniform(Span<float> w, double bound, ulong seed, ulong stream)
    {
        var random = new RandomStream(seed, stream);
        for (int i = 0; i < w.Length; i++) w[i] = (float)random.NextDouble(-bound, bound);
    }
}
