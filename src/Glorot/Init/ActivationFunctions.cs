namespace Glorot.Init;

/// <summary>A scalar activation φ and its derivative φ′ in double precision, for computing gains.</summary>
/// <param name="Name">Name as the CLI spells it, with its parameter ("elu:1").</param>
/// <param name="Forward">φ(z).</param>
/// <param name="Derivative">φ′(z) (at a kink, either one-sided value: a single point has no mass).</param>
/// <param name="KinkAtZero">φ or one of its low derivatives jumps at 0, so quadrature should split there.</param>
/// <param name="Formula">φ in mathematical notation.</param>
internal sealed record ActivationFunction(
    string Name, Func<double, double> Forward, Func<double, double> Derivative, bool KinkAtZero, string Formula);

/// <summary>
/// The named activations a gain can be computed for. Kept minimal on purpose: the library's public
/// <c>Activation</c> type owns the formulas the engine uses; this table only gives the quadrature of
/// <see cref="NumericGain"/> a double-precision φ and φ′ by name.
/// </summary>
internal static class ActivationFunctions
{
    /// <summary>Every accepted name ("[:p]" = optional parameter) with its formula (defaults for the parameters).</summary>
    public static IReadOnlyList<(string Name, string Formula)> Table { get; } =
    [
        .. ActivationRegistry.All.Select(a => (Label(a), a.Formula(a.Parameter?.Default ?? 0))),
        ("silu, swish", SiluFormula),
    ];

    private const string SiluFormula = "z·sigmoid(z)";

    // The usage and every alias, "linear" first: PyTorch's gain table calls the identity linear.
    private static string Label(ActivationInfo a) => string.Join(", ",
        a.Kind == ActivationKind.Identity ? [.. a.Aliases, a.Usage] : [a.Usage, .. a.Aliases]);

    /// <summary>
    /// The activation for a name such as "tanh", "leaky-relu:0.2", "elu:0.5" (any name or alias of
    /// <see cref="ActivationRegistry"/>): the engine's <see cref="Activation"/> supplies φ and φ′ (one definition for
    /// kernels, gains and theory); SiLU, which the engine does not train with, is the one function defined here.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name or malformed parameter.</exception>
    public static ActivationFunction Find(string text)
    {
        var key = text.Trim().ToLowerInvariant().Replace('_', '-');
        if (key is "silu" or "swish")
            return new("silu", z => z * Sigmoid(z), z => Sigmoid(z) * (1 + z * (1 - Sigmoid(z))), false, SiluFormula);
        if (!ActivationRegistry.TryParse(key, out var activation, out string? error))
            throw new ArgumentException($"{error} Gains also know silu (swish).");
        var info = activation.Info;
        string name = activation.Kind == ActivationKind.Identity ? "linear" : activation.ToString();
        return new(name, activation.Forward, activation.Derivative, info.HasKinkAtZero, info.Formula(activation.Parameter));
    }

    private static double Sigmoid(double z) => Activation.Sigmoid.Forward(z);
}
