using System.Globalization;

namespace Glorot.Init;

/// <summary>
/// The classic gain table: the factor by which an initializer's standard deviation is multiplied for a given
/// non-linearity (PyTorch's <c>calculate_gain</c> values, plus softsign), kept for compatibility. For any other
/// activation, and for the backward (gradient-preserving) criterion, <see cref="NumericGain"/> computes the gain
/// by quadrature; the two agree where the table follows the variance convention (linear, relu, leaky ReLU,
/// softsign) and differ, by design, where it does not (tanh 5/3, selu 3/4, sigmoid 1).
/// </summary>
public static class Gain
{
    /// <summary>PyTorch's default negative slope for leaky ReLU.</summary>
    public const double DefaultLeakySlope = 0.01;

    /// <summary>
    /// Softsign is in no framework's table. Glorot uses the variance-preserving convention g = 1/√E[φ(z)²],
    /// z ~ N(0, 1), which makes unit pre-activation variance a fixed point: E[softsign(z)²] = 0.1830140…,
    /// g = 2.3375334 (computed by quadrature; checked in the tests).
    /// </summary>
    public const double Softsign = 2.3375333631086;

    /// <summary>Every name <see cref="Of(string)"/> accepts, with the value or formula it gives.</summary>
    public static IReadOnlyList<(string Name, string Value)> Table { get; } =
    [
        ("linear, identity, conv1d, conv2d, conv3d, conv-transpose1d/2d/3d", "1"),
        ("sigmoid", "1"),
        ("tanh", "5/3 (PyTorch's empirical value)"),
        ("relu", "√2 (He et al. 2015)"),
        ("leaky-relu[:a]", "√(2/(1 + a²)), a = 0.01 by default"),
        ("selu", "3/4 (PyTorch's; keeps self-normalization with LeCun-normal)"),
        ("softsign", "1/√E[softsign(z)²] = 2.3375 (variance-preserving)"),
    ];

    /// <summary>Gain of a non-linearity named as the CLI spells it: "tanh", "relu", "leaky-relu:0.2", …</summary>
    /// <exception cref="ArgumentException">Unknown name or malformed parameter.</exception>
    public static double Of(string nonlinearity)
    {
        var (name, parameter) = Split(nonlinearity);
        if (parameter is not null && name != "leaky-relu")
            throw new ArgumentException($"Non-linearity '{name}' takes no parameter; got '{nonlinearity}'.", nameof(nonlinearity));
        return name switch
        {
            "linear" or "identity" or "conv1d" or "conv2d" or "conv3d"
                or "conv-transpose1d" or "conv-transpose2d" or "conv-transpose3d" => 1.0,
            "sigmoid" => 1.0,
            "tanh" => 5.0 / 3.0,
            "relu" => Math.Sqrt(2.0),
            "leaky-relu" => LeakyRelu(parameter ?? DefaultLeakySlope),
            "selu" => 0.75,
            "softsign" => Softsign,
            _ => throw new ArgumentException(
                $"Unknown non-linearity '{name}'. Known: linear, conv1d/2d/3d, sigmoid, tanh, relu, leaky-relu[:slope], selu, softsign.",
                nameof(nonlinearity)),
        };
    }

    /// <summary>√(2/(1 + a²)) for leaky ReLU with negative slope a (He et al. 2015, eq. 15 with PReLU slope a).</summary>
    public static double LeakyRelu(double slope) => Math.Sqrt(2.0 / (1.0 + slope * slope));

    private static (string Name, double? Parameter) Split(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant().Replace('_', '-');
        int colon = trimmed.IndexOf(':');
        if (colon < 0) return (Canonical(trimmed), null);
        var value = trimmed[(colon + 1)..];
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parameter) || !double.IsFinite(parameter))
            throw new ArgumentException($"'{value}' in '{text}' is not a number; write e.g. leaky-relu:0.01.", nameof(text));
        return (Canonical(trimmed[..colon]), parameter);
    }

    private static string Canonical(string name) => name switch
    {
        "leakyrelu" or "leaky" => "leaky-relu",
        "conv-transpose-1d" => "conv-transpose1d",
        "conv-transpose-2d" => "conv-transpose2d",
        "conv-transpose-3d" => "conv-transpose3d",
        _ => name,
    };
}
