using System.Globalization;

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
    private const double SeluAlpha = Activation.SeluAlpha, SeluLambda = Activation.SeluLambda;

    /// <summary>Every accepted name ("[:p]" = optional parameter) with its formula (defaults for the parameters).</summary>
    public static IReadOnlyList<(string Name, string Formula)> Table { get; } =
    [
        .. Activation.Names.Select(name => (Label(name), Formula(Activation.Parse(name)))),
        ("silu, swish", SiluFormula),
    ];

    private const string SiluFormula = "z·sigmoid(z)";

    private static string Label(string name) => name switch
    {
        "identity" => "linear, identity",
        "leaky-relu" => "leaky-relu[:a]",
        "elu" => "elu[:α]",
        _ => name,
    };

    /// <summary>
    /// The activation for a name such as "tanh", "leaky-relu:0.2", "elu:0.5": the engine's <see cref="Activation"/>
    /// supplies φ and φ′ (one definition for kernels, gains and theory); SiLU, which the engine does not train
    /// with, is the one function defined here.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name or malformed parameter.</exception>
    public static ActivationFunction Find(string text)
    {
        var key = text.Trim().ToLowerInvariant().Replace('_', '-');
        if (key is "silu" or "swish")
            return new("silu", z => z * Sigmoid(z), z => Sigmoid(z) * (1 + z * (1 - Sigmoid(z))), false, SiluFormula);
        Activation activation;
        try { activation = Activation.Parse(key); }
        catch (FormatException ex)
        {
            throw new ArgumentException($"{ex.Message} Gains also know silu (swish).", ex);
        }
        string name = activation.Kind == ActivationKind.Identity ? "linear" : activation.ToString();
        return new(name, activation.Forward, activation.Derivative, activation.HasKinkAtZero, Formula(activation));
    }

    private static string Formula(Activation a) => a.Kind switch
    {
        ActivationKind.Identity => "z",
        ActivationKind.Sigmoid => "1/(1 + e^−z)",
        ActivationKind.Tanh => "tanh z",
        ActivationKind.Softsign => "z/(1 + |z|)",
        ActivationKind.Relu => "max(0, z)",
        ActivationKind.LeakyRelu => $"z for z > 0, {Format(a.Parameter)}·z otherwise",
        ActivationKind.Elu => $"z for z > 0, {(a.Parameter == 1 ? "" : Format(a.Parameter) + "·")}(e^z − 1) otherwise",
        ActivationKind.Selu => $"{Format(SeluLambda)}·(z for z > 0, {Format(SeluAlpha)}·(e^z − 1) otherwise)",
        ActivationKind.Gelu => "z·Φ(z)",
        _ => "ln(1 + e^z)",
    };

    private static double Sigmoid(double z) => Activation.Sigmoid.Forward(z);

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
