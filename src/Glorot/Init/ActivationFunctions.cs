using System.Globalization;
using Glorot.Random;

namespace Glorot.Init;

/// <summary>A scalar activation φ and its derivative φ′ in double precision, for computing gains.</summary>
/// <param name="Name">Name as the CLI spells it, with its parameter ("elu:1").</param>
/// <param name="Forward">φ(z).</param>
/// <param name="Derivative">φ′(z) (at a kink, either one-sided value: a single point has no mass).</param>
/// <param name="KinkAtZero">φ or one of its low derivatives jumps at 0, so quadrature should split there.</param>
/// <param name="Formula">φ in mathematical notation.</param>
public sealed record ActivationFunction(
    string Name, Func<double, double> Forward, Func<double, double> Derivative, bool KinkAtZero, string Formula);

/// <summary>
/// The named activations a gain can be computed for. Kept minimal on purpose: the library's public
/// <c>Activation</c> type owns the formulas the engine uses; this table only gives the quadrature of
/// <see cref="NumericGain"/> a double-precision φ and φ′ by name.
/// </summary>
public static class ActivationFunctions
{
    /// <summary>SELU's α and λ (Klambauer et al. 2017, eq. 14), which make (mean 0, var 1) a fixed point.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717, SeluLambda = 1.0507009873554804934193349852946;

    /// <summary>Every accepted name ("[:p]" = optional parameter) with its formula.</summary>
    public static IReadOnlyList<(string Name, string Formula)> Table { get; } =
    [
        ("linear, identity", "z"),
        ("sigmoid", "1/(1 + e^−z)"),
        ("tanh", "tanh z"),
        ("softsign", "z/(1 + |z|)"),
        ("relu", "max(0, z)"),
        ("leaky-relu[:a]", "z for z > 0, a·z otherwise (a = 0.01)"),
        ("elu[:α]", "z for z > 0, α(e^z − 1) otherwise (α = 1)"),
        ("selu", "λ·elu_α(z), α = 1.6733, λ = 1.0507"),
        ("gelu", "z·Φ(z) (exact, erf form)"),
        ("silu, swish", "z·sigmoid(z)"),
        ("softplus", "ln(1 + e^z)"),
    ];

    /// <summary>The activation for a name such as "tanh", "leaky-relu:0.2", "elu:0.5".</summary>
    /// <exception cref="ArgumentException">Unknown name or malformed parameter.</exception>
    public static ActivationFunction Find(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant().Replace('_', '-');
        int colon = trimmed.IndexOf(':');
        string name = colon < 0 ? trimmed : trimmed[..colon];
        double? p = colon < 0 ? null : Parameter(trimmed[(colon + 1)..], text);
        if (p is not null && name is not ("leaky-relu" or "leakyrelu" or "elu"))
            throw new ArgumentException($"Activation '{name}' takes no parameter; got '{text}'.");
        return name switch
        {
            "linear" or "identity" => new("linear", z => z, _ => 1, false, "z"),
            "sigmoid" => new("sigmoid", Sigmoid, z => Sigmoid(z) * (1 - Sigmoid(z)), false, "1/(1 + e^−z)"),
            "tanh" => new("tanh", Math.Tanh, z => 1 - Math.Tanh(z) * Math.Tanh(z), false, "tanh z"),
            "softsign" => new("softsign", z => z / (1 + Math.Abs(z)), z => 1 / ((1 + Math.Abs(z)) * (1 + Math.Abs(z))), true, "z/(1 + |z|)"),
            "relu" => new("relu", z => Math.Max(0, z), z => z > 0 ? 1 : 0, true, "max(0, z)"),
            "leaky-relu" or "leakyrelu" => LeakyRelu(p ?? Gain.DefaultLeakySlope),
            "elu" => Elu(p ?? 1.0, 1.0, $"elu:{Format(p ?? 1.0)}"),
            "selu" => Elu(SeluAlpha, SeluLambda, "selu"),
            "gelu" => new("gelu", z => z * Phi(z), z => Phi(z) + z * Density(z), false, "z·Φ(z)"),
            "silu" or "swish" => new("silu", z => z * Sigmoid(z), z => Sigmoid(z) * (1 + z * (1 - Sigmoid(z))), false, "z·sigmoid(z)"),
            "softplus" => new("softplus", Softplus, Sigmoid, false, "ln(1 + e^z)"),
            _ => throw new ArgumentException(
                $"Unknown activation '{name}'. Known: {string.Join("; ", Table.Select(t => t.Name))}."),
        };
    }

    private static ActivationFunction LeakyRelu(double a) =>
        new($"leaky-relu:{Format(a)}", z => z > 0 ? z : a * z, z => z > 0 ? 1 : a, true, $"z for z > 0, {Format(a)}·z otherwise");

    private static ActivationFunction Elu(double alpha, double lambda, string name) =>
        new(name, z => lambda * (z > 0 ? z : alpha * double.ExpM1(z)), z => lambda * (z > 0 ? 1 : alpha * Math.Exp(z)), true,
            $"{Format(lambda)}·(z for z > 0, {Format(alpha)}(e^z − 1) otherwise)");

    private static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    // ln(1 + e^z) without overflow: max(z, 0) + ln(1 + e^−|z|).
    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    private static double Phi(double z) => RandomFill.StandardNormalCdf(z);

    private static double Density(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    private static double Parameter(string value, string text) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && double.IsFinite(p)
            ? p
            : throw new ArgumentException($"'{value}' in '{text}' is not a number; write e.g. leaky-relu:0.2 or elu:1.");

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
