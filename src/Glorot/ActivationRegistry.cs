using System.Globalization;

namespace Glorot;

/// <summary>
/// The one table of activations: one <see cref="ActivationInfo"/> per <see cref="ActivationKind"/>, and the one
/// parser of activation names. Every name or alias accepted anywhere before the registry existed is accepted here
/// (the <c>leaky</c> of the gain table, the <c>lrelu</c> of the engine), so no input that worked stops working.
/// </summary>
public static class ActivationRegistry
{
    /// <summary>PyTorch's default negative slope for leaky ReLU (torch.nn.LeakyReLU); Init.Gain.DefaultLeakySlope.</summary>
    internal const double DefaultLeakySlope = 0.01;

    /// <summary>Softsign's variance-preserving gain 1/√E[softsign(z)²] (defined and checked at Init.Gain.Softsign).</summary>
    internal const double SoftsignGain = 2.3375333631086;

    /// <summary>√(2/(1 + a²)) for leaky ReLU with negative slope a (He et al. 2015, eq. 15 with PReLU slope a).</summary>
    internal static double LeakyReluGain(double slope) => Math.Sqrt(2.0 / (1.0 + slope * slope));

    private static readonly ActivationParameter LeakySlope = new("a", "leaky-relu slope", DefaultLeakySlope, ZeroAllowed: true);
    private static readonly ActivationParameter EluAlpha = new("α", "ELU alpha", 1.0, ZeroAllowed: false);

    /// <summary>Every activation, in the order of <see cref="ActivationKind"/> (help and lists print them so).</summary>
    public static IReadOnlyList<ActivationInfo> All { get; } =
    [
        new()
        {
            Kind = ActivationKind.Identity, Name = "identity", Aliases = ["linear"], Formula = _ => "z",
            Source = "the output layer's logits", ClassicGain = _ => 1.0, ClassicGainText = "1",
        },
        new()
        {
            Kind = ActivationKind.Sigmoid, Name = "sigmoid", Aliases = ["logistic"], Formula = _ => "1/(1 + e^−z)",
            Source = "Glorot & Bengio 2010, §2.3", OutputRange = (0, 1), DerivativeUsesOutput = true,
            ClassicGain = _ => 1.0, ClassicGainText = "1", ClassicGainNote = "1 ignores sigmoid's mean of ½ and slope of ¼",
        },
        new()
        {
            Kind = ActivationKind.Tanh, Name = "tanh", Formula = _ => "tanh z",
            Source = "Glorot & Bengio 2010, §2.3", OutputRange = (-1, 1), DerivativeUsesOutput = true,
            ClassicGain = _ => 5.0 / 3.0, ClassicGainText = "5/3 (PyTorch's empirical value)",
            ClassicGainNote = "5/3 is an empirical choice, not 1/√E[tanh(z)²]",
        },
        new()
        {
            Kind = ActivationKind.Softsign, Name = "softsign", Formula = _ => "z/(1 + |z|)",
            Source = "Bergstra et al. 2009; Glorot & Bengio 2010, §2.3", OutputRange = (-1, 1), HasKinkAtZero = true,
            DerivativeUsesOutput = true, ClassicGain = _ => SoftsignGain,
            ClassicGainText = "1/√E[softsign(z)²] = 2.3375 (variance-preserving)",
        },
        new()
        {
            Kind = ActivationKind.Relu, Name = "relu", Formula = _ => "max(0, z)",
            Source = "Nair & Hinton 2010; Glorot, Bordes & Bengio 2011", OutputRange = (0, null), HasKinkAtZero = true,
            ClassicGain = _ => Math.Sqrt(2.0), ClassicGainText = "√2 (He et al. 2015)",
        },
        new()
        {
            Kind = ActivationKind.LeakyRelu, Name = "leaky-relu", Aliases = ["leakyrelu", "lrelu", "leaky"], Parameter = LeakySlope,
            Formula = a => $"z for z > 0, {Format(a)}·z otherwise", Source = "Maas et al. 2013", HasKinkAtZero = true,
            ClassicGain = LeakyReluGain, ClassicGainText = "√(2/(1 + a²)), a = 0.01 by default",
        },
        new()
        {
            Kind = ActivationKind.Elu, Name = "elu", Parameter = EluAlpha,
            Formula = alpha => $"z for z > 0, {(alpha == 1 ? "" : Format(alpha) + "·")}(e^z − 1) otherwise",
            Source = "Clevert et al. 2015", HasKinkAtZero = true, DerivativeUsesOutput = true,
        },
        new()
        {
            Kind = ActivationKind.Selu, Name = "selu",
            Formula = _ => $"{Format(Activation.SeluLambda)}·(z for z > 0, {Format(Activation.SeluAlpha)}·(e^z − 1) otherwise)",
            Source = "Klambauer et al. 2017, eq. 14", OutputRange = (-Activation.SeluLambda * Activation.SeluAlpha, null),
            HasKinkAtZero = true, DerivativeUsesOutput = true,
            ClassicGain = _ => 0.75, ClassicGainText = "3/4 (PyTorch's; keeps self-normalization with LeCun-normal)",
            ClassicGainNote = "3/4 trades self-normalization for gradient flow — SELU's forward gain is 1 by construction",
        },
        new()
        {
            Kind = ActivationKind.Gelu, Name = "gelu", Formula = _ => "z·Φ(z)", Source = "Hendrycks & Gimpel 2016 (exact erf form)",
            IsMonotone = false,
        },
        new()
        {
            Kind = ActivationKind.Softplus, Name = "softplus", Formula = _ => "ln(1 + e^z)", Source = "Dugas et al. 2001",
            OutputRange = (0, null),
        },
    ];

    /// <summary>The canonical names, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>Every name that parses: the canonical ones, then the aliases.</summary>
    public static IReadOnlyList<string> NamesAndAliases { get; } = [.. Names, .. All.SelectMany(a => a.Aliases)];

    /// <summary>One line for a command's help: <c>identity (linear), sigmoid (logistic), …, leaky-relu[:a] (leakyrelu, …)</c>.</summary>
    public static string Help { get; } = string.Join(", ",
        All.Select(a => a.Aliases.Count == 0 ? a.Usage : $"{a.Usage} ({string.Join(", ", a.Aliases)})"));

    /// <summary>The entry of <paramref name="kind"/>.</summary>
    public static ActivationInfo Get(ActivationKind kind) =>
        (uint)kind < (uint)ByKind.Length ? ByKind[(int)kind] : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown activation kind.");

    /// <summary>The entry <paramref name="name"/> (without a parameter) names, or null: case ignored, '_' read as '-'.</summary>
    public static ActivationInfo? Find(string name)
    {
        string key = Normalize(name);
        return All.FirstOrDefault(a => a.Name == key || a.Aliases.Contains(key));
    }

    /// <summary>
    /// Parses <c>tanh</c>, <c>leaky-relu:0.01</c>, <c>elu:1.0</c>, <c>lrelu</c>, … (case-insensitive; <c>_</c> may
    /// replace <c>-</c>; the parameter after ':' in invariant culture). On failure <paramref name="error"/> says
    /// what is wrong: an unknown name (with the nearest known names), a parameter that is not a number or out of
    /// range, or a parameter given to a function without one.
    /// </summary>
    public static bool TryParse(string? text, out Activation activation, out string? error)
    {
        activation = Activation.Identity;
        error = null;
        string raw = (text ?? "").Trim();
        int colon = raw.IndexOf(':');
        string name = colon < 0 ? raw : raw[..colon];
        string? argument = colon < 0 ? null : raw[(colon + 1)..].Trim();
        double value = 0;
        if (argument is not null && !double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            error = $"Activation '{text}': '{argument}' is not a number.";
            return false;
        }
        var info = Find(name);
        if (info is null)
        {
            error = $"Unknown activation '{text}'.{NameSuggestions.Hint(name, NamesAndAliases)} Expected one of: {string.Join(", ", Names)} " +
                    "(leaky-relu:A and elu:ALPHA take a parameter).";
            return false;
        }
        if (info.Parameter is not { } parameter)
        {
            if (argument is null) { activation = Activation.Create(info.Kind, 0); return true; }
            error = $"Activation '{text}': {info.Name} takes no parameter.";
            return false;
        }
        if (argument is not null && !parameter.Accepts(value))
        {
            error = $"Activation '{text}': the {parameter.Label} must be {parameter.Rule}.";
            return false;
        }
        activation = Activation.Create(info.Kind, argument is null ? parameter.Default : value);
        return true;
    }

    private static readonly ActivationInfo[] ByKind = Ordered();

    // All is written in enum order so that Get is an index; a reordering or a missing kind is caught at start-up, not
    // by a wrong result.
    private static ActivationInfo[] Ordered()
    {
        var kinds = Enum.GetValues<ActivationKind>();
        if (All.Count != kinds.Length || kinds.Where((kind, i) => All[i].Kind != kind || (int)kind != i).Any())
            throw new InvalidOperationException("ActivationRegistry.All must list every ActivationKind once, in declaration order.");
        return [.. All];
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
