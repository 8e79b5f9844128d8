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
    public const double DefaultLeakySlope = ActivationRegistry.DefaultLeakySlope;

    /// <summary>
    /// Softsign is in no framework's table. Glorot uses the variance-preserving convention g = 1/√E[φ(z)²],
    /// z ~ N(0, 1), which makes unit pre-activation variance a fixed point: E[softsign(z)²] = 0.1830140…,
    /// g = 2.3375334 (computed by quadrature; checked in the tests).
    /// </summary>
    public const double Softsign = ActivationRegistry.SoftsignGain;

    /// <summary>
    /// Layer names PyTorch's <c>calculate_gain</c> also accepts (torch/nn/init.py): convolutions are linear maps, so
    /// their gain is 1. They are not activations, so they live here and not in <see cref="ActivationRegistry"/>.
    /// </summary>
    public static IReadOnlyList<string> LinearLayers { get; } =
        ["conv1d", "conv2d", "conv3d", "conv-transpose1d", "conv-transpose2d", "conv-transpose3d"];

    /// <summary>Every name <see cref="Of(string)"/> accepts, with the value or formula it gives (from <see cref="ActivationRegistry"/>).</summary>
    public static IReadOnlyList<(string Name, string Value)> Table { get; } =
    [
        .. ActivationRegistry.All.Where(a => a.ClassicGainText is not null).Select(a => (Label(a), a.ClassicGainText!)),
    ];

    /// <summary>Gain of a non-linearity named as the CLI spells it: "tanh", "relu", "leaky-relu:0.2", … (any name or
    /// alias of <see cref="ActivationRegistry"/> with a classic gain, or one of <see cref="LinearLayers"/>).</summary>
    /// <exception cref="ArgumentException">Unknown name, malformed parameter, or an activation without a classic gain.</exception>
    public static double Of(string nonlinearity)
    {
        ArgumentNullException.ThrowIfNull(nonlinearity);
        if (LinearLayers.Contains(LayerKey(nonlinearity))) return 1.0;
        if (!ActivationRegistry.TryParse(nonlinearity, out var activation, out string? error))
        {
            if (ActivationRegistry.Find(NameOf(nonlinearity)) is not null) throw new ArgumentException(error, nameof(nonlinearity));
            throw new ArgumentException(
                $"Unknown non-linearity '{nonlinearity.Trim()}'.{NameSuggestions.Hint(NameOf(nonlinearity), [.. ActivationRegistry.NamesAndAliases, .. LinearLayers])} " +
                $"Known: {string.Join(", ", Table.Select(row => row.Name))}.", nameof(nonlinearity));
        }
        var info = activation.Info;
        if (info.ClassicGain is not { } gain)
            throw new ArgumentException(
                $"Non-linearity '{nonlinearity.Trim()}' has no classic gain (PyTorch's calculate_gain has none); " +
                $"`glorot gain {activation}` computes the variance-preserving one.", nameof(nonlinearity));
        return gain(activation.Parameter);
    }

    /// <summary>√(2/(1 + a²)) for leaky ReLU with negative slope a (He et al. 2015, eq. 15 with PReLU slope a).</summary>
    public static double LeakyRelu(double slope) => ActivationRegistry.LeakyReluGain(slope);

    // "linear, identity" first for the identity row, as PyTorch's table calls it linear; conv layers share its gain.
    private static string Label(ActivationInfo a) => a.Kind == ActivationKind.Identity
        ? $"{string.Join(", ", [.. a.Aliases, a.Name])}, conv1d, conv2d, conv3d, conv-transpose1d/2d/3d"
        : string.Join(", ", [a.Usage, .. a.Aliases]);

    private static string NameOf(string text) => text.Split(':')[0];

    // PyTorch spells conv_transpose2d; conv-transpose-2d was accepted too.
    private static string LayerKey(string text) =>
        text.Trim().ToLowerInvariant().Replace('_', '-').Replace("transpose-", "transpose");
}
