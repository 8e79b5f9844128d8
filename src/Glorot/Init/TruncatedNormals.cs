namespace Glorot.Init;

/// <summary>
/// The incompatible meanings of "truncated normal", each under its own name and each built on the one sampler
/// <see cref="TruncatedNormal"/> (absolute bounds) by converting its bounds and std:
/// <list type="table">
/// <listheader><term>name</term><description>bounds · meaning of std</description></listheader>
/// <item><term>truncated-normal (PyTorch <c>trunc_normal_</c>)</term><description>absolute [a, b] (default ±2 whatever
/// the std) · std before truncation, not corrected</description></item>
/// <item><term>keras-truncated-normal (Keras/TF <c>TruncatedNormal</c>)</term><description>mean ± 2·std · std before
/// truncation, not corrected: the values' std is 0.8796·std</description></item>
/// <item><term>truncated-normal-corrected (Keras/TF/JAX/Flax <c>VarianceScaling</c>)</term><description>mean ± c·σ′ ·
/// std after truncation: σ′ = std / s(c), s(2) = 0.87962566103423978</description></item>
/// <item><term>jax-truncated-normal (<c>jax.nn.initializers.truncated_normal</c>)</term><description>[lower, upper] in
/// units of std · std before truncation, not corrected; mean 0</description></item>
/// </list>
/// </summary>
public static class TruncatedNormals
{
    /// <summary>PyTorch's <c>trunc_normal_(mean, std, a, b)</c>: absolute bounds, std before truncation.</summary>
    public static TruncatedNormal PyTorch(double mean = 0, double std = 1, double a = -2, double b = 2) =>
        new(mean, std, a, b);

    /// <summary>Keras/TF's <c>TruncatedNormal(mean, stddev)</c>: bounds mean ± 2·stddev, stddev before truncation.</summary>
    public static TruncatedNormal Keras(double mean = 0, double std = 0.05) =>
        new(mean, std, mean - 2 * std, mean + 2 * std, "keras-truncated-normal");

    /// <summary>
    /// JAX's <c>truncated_normal(stddev, lower, upper)</c> = stddev·TN(lower, upper): bounds in units of stddev,
    /// stddev before truncation, mean 0.
    /// </summary>
    public static TruncatedNormal Jax(double std = 0.01, double lower = -2, double upper = 2) =>
        new(0, std, lower * std, upper * std, "jax-truncated-normal");

    /// <summary>
    /// The variance-scaling meaning (Keras, TF2, JAX, Flax) generalized to any bounds in σ′ units: draws
    /// N(mean, σ′²) on [mean + lower·σ′, mean + upper·σ′] with σ′ = std / s, where s is the std of N(0, 1)
    /// truncated to [lower, upper] (0.87962566103423978 for ±2), so that the values' std is <paramref name="std"/>.
    /// </summary>
    public static TruncatedNormal Corrected(double mean = 0, double std = 1, double lower = -2, double upper = 2)
    {
        if (!(lower < upper)) throw new ArgumentException($"truncated-normal-corrected: need lower < upper; got [{lower}, {upper}].");
        if (!(std > 0) || !double.IsFinite(std)) throw new ArgumentException($"truncated-normal-corrected: std must be positive and finite; got {std}.");
        double s = StdOfStandardTruncated(lower, upper);
        double sigma = std / s;
        return new TruncatedNormal(mean, sigma, mean + lower * sigma, mean + upper * sigma, "truncated-normal-corrected");
    }

    /// <summary>Std of N(0, 1) truncated to [lower, upper]; √(1 − 4φ(2)/(Φ(2) − Φ(−2))) = 0.8796… for ±2.</summary>
    public static double StdOfStandardTruncated(double lower, double upper) => TruncatedNormal.Moments(0, 1, lower, upper).Std;
}
