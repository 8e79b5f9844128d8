using System.Globalization;

namespace Glorot;

/// <summary>The element-wise non-linearities the engine knows.</summary>
public enum ActivationKind
{
    /// <summary>f(x) = x (the output layer's logits).</summary>
    Identity,
    /// <summary>f(x) = 1 / (1 + e^−x), the logistic sigmoid (Glorot &amp; Bengio 2010 §2.3).</summary>
    Sigmoid,
    /// <summary>f(x) = tanh x (Glorot &amp; Bengio 2010 §2.3).</summary>
    Tanh,
    /// <summary>f(x) = x / (1 + |x|) (Bergstra et al. 2009; Glorot &amp; Bengio 2010 §2.3).</summary>
    Softsign,
    /// <summary>f(x) = max(0, x).</summary>
    Relu,
    /// <summary>f(x) = x for x &gt; 0, a·x otherwise (Maas et al. 2013); parameter a = negative slope.</summary>
    LeakyRelu,
    /// <summary>f(x) = x for x &gt; 0, α(e^x − 1) otherwise (Clevert et al. 2015); parameter α.</summary>
    Elu,
    /// <summary>f(x) = λ·x for x &gt; 0, λα(e^x − 1) otherwise, with the fixed λ, α of Klambauer et al. 2017.</summary>
    Selu,
    /// <summary>f(x) = x·Φ(x) = x/2·(1 + erf(x/√2)), the exact (erf) form of Hendrycks &amp; Gimpel 2016.</summary>
    Gelu,
    /// <summary>f(x) = ln(1 + e^x).</summary>
    Softplus,
}

/// <summary>
/// One activation function: its formula, its derivative, its name. The single definition that the vectorized
/// kernels, the gains of the initializers and the theory share; <see cref="Forward"/> and
/// <see cref="Derivative"/> are the double-precision definitions the fast kernels are tested against.
/// </summary>
/// <remarks>
/// Names (for <see cref="Parse"/> and <see cref="ToString"/>): <c>identity</c>, <c>sigmoid</c>, <c>tanh</c>,
/// <c>softsign</c>, <c>relu</c>, <c>leaky-relu[:a]</c> (default a = 0.01, as PyTorch), <c>elu[:α]</c>
/// (default α = 1), <c>selu</c>, <c>gelu</c>, <c>softplus</c>; aliases <c>linear</c>, <c>logistic</c>,
/// <c>leakyrelu</c>, <c>lrelu</c>, <c>leaky</c>. At a kink the derivative takes PyTorch's one-sided value:
/// relu′(0) = 0, leaky-relu′(0) = a, elu′(0) = α. Everything else known about a function (names, range, kinks,
/// classic gain, formula text, kernels) is its <see cref="Info"/>, one entry of <see cref="ActivationRegistry"/>.
/// </remarks>
public readonly struct Activation : IEquatable<Activation>
{
    /// <summary>SELU's λ (Klambauer et al. 2017, eq. 14).</summary>
    public const double SeluLambda = 1.0507009873554804934193349852946;

    /// <summary>SELU's α (Klambauer et al. 2017, eq. 14).</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717;

    private Activation(ActivationKind kind, double parameter)
    {
        Kind = kind;
        Parameter = parameter;
    }

    /// <summary>Which function.</summary>
    public ActivationKind Kind { get; }

    /// <summary>The leaky-relu slope a or the ELU α; 0 for the functions without a parameter.</summary>
    public double Parameter { get; }

    /// <summary>f(x) = x.</summary>
    public static Activation Identity => new(ActivationKind.Identity, 0);
    /// <summary>The logistic sigmoid.</summary>
    public static Activation Sigmoid => new(ActivationKind.Sigmoid, 0);
    /// <summary>The hyperbolic tangent.</summary>
    public static Activation Tanh => new(ActivationKind.Tanh, 0);
    /// <summary>x / (1 + |x|).</summary>
    public static Activation Softsign => new(ActivationKind.Softsign, 0);
    /// <summary>max(0, x).</summary>
    public static Activation Relu => new(ActivationKind.Relu, 0);
    /// <summary>SELU with the fixed constants <see cref="SeluLambda"/>, <see cref="SeluAlpha"/>.</summary>
    public static Activation Selu => new(ActivationKind.Selu, 0);
    /// <summary>GELU, exact erf form.</summary>
    public static Activation Gelu => new(ActivationKind.Gelu, 0);
    /// <summary>ln(1 + e^x).</summary>
    public static Activation Softplus => new(ActivationKind.Softplus, 0);

    /// <summary>Leaky ReLU with negative slope <paramref name="negativeSlope"/> (finite, ≥ 0).</summary>
    public static Activation LeakyRelu(double negativeSlope = 0.01)
    {
        if (!double.IsFinite(negativeSlope) || negativeSlope < 0)
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope,
                "The leaky-relu slope must be finite and non-negative.");
        return new(ActivationKind.LeakyRelu, negativeSlope);
    }

    /// <summary>ELU with scale <paramref name="alpha"/> (finite, &gt; 0).</summary>
    public static Activation Elu(double alpha = 1.0)
    {
        if (!double.IsFinite(alpha) || alpha <= 0)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The ELU alpha must be finite and positive.");
        return new(ActivationKind.Elu, alpha);
    }

    /// <summary>What the library knows about this function besides its definition (<see cref="ActivationRegistry"/>).</summary>
    public ActivationInfo Info => ActivationRegistry.Get(Kind);

    /// <summary>The canonical name, e.g. <c>tanh</c>, <c>leaky-relu</c>.</summary>
    public string Name => Info.Name;

    /// <summary>All canonical names <see cref="Parse"/> accepts (parameterized ones without their parameter; aliases
    /// in <see cref="ActivationRegistry.NamesAndAliases"/>).</summary>
    public static IReadOnlyList<string> Names => ActivationRegistry.Names;

    /// <summary>
    /// True when f or f′ is not smooth at 0 (relu, leaky-relu, elu, selu; softsign′ = 1/(1 + |x|)² has a cusp), so
    /// Gaussian expectations of it converge slowly under Gauss–Hermite and are split at 0 instead.
    /// </summary>
    public bool HasKinkAtZero => Info.HasKinkAtZero;

    /// <summary>True when the derivative is cheapest from the output y = f(x) (tanh′ = 1 − y²).</summary>
    public bool DerivativeUsesOutput => Info.DerivativeUsesOutput;

    /// <summary>f(x), in double precision, straight from the definition.</summary>
    public double Forward(double x) => Kind switch
    {
        ActivationKind.Identity => x,
        ActivationKind.Sigmoid => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x)),
        ActivationKind.Tanh => Math.Tanh(x),
        ActivationKind.Softsign => x / (1.0 + Math.Abs(x)),
        ActivationKind.Relu => x > 0 ? x : 0.0,
        ActivationKind.LeakyRelu => x > 0 ? x : Parameter * x,
        ActivationKind.Elu => x > 0 ? x : Parameter * ExpMinusOne(x),
        ActivationKind.Selu => SeluLambda * (x > 0 ? x : SeluAlpha * ExpMinusOne(x)),
        ActivationKind.Gelu => 0.5 * x * (1.0 + MathNet.Numerics.SpecialFunctions.Erf(x / Math.Sqrt(2.0))),
        // ln(1 + e^x) = max(x, 0) + ln(1 + e^−|x|): never overflows.
        ActivationKind.Softplus => Math.Max(x, 0.0) + Math.Log(1.0 + Math.Exp(-Math.Abs(x))),
        _ => throw new InvalidOperationException($"Unknown activation kind {Kind}."),
    };

    /// <summary>f′(x), in double precision, straight from the definition.</summary>
    public double Derivative(double x)
    {
        switch (Kind)
        {
            case ActivationKind.Identity: return 1.0;
            case ActivationKind.Sigmoid: { double y = Forward(x); return y * (1.0 - y); }
            case ActivationKind.Tanh: { double y = Math.Tanh(x); return 1.0 - y * y; }
            case ActivationKind.Softsign: { double d = 1.0 + Math.Abs(x); return 1.0 / (d * d); }
            case ActivationKind.Relu: return x > 0 ? 1.0 : 0.0;
            case ActivationKind.LeakyRelu: return x > 0 ? 1.0 : Parameter;
            case ActivationKind.Elu: return x > 0 ? 1.0 : Parameter * Math.Exp(x);
            case ActivationKind.Selu: return SeluLambda * (x > 0 ? 1.0 : SeluAlpha * Math.Exp(x));
            case ActivationKind.Gelu:
                // d/dx x·Φ(x) = Φ(x) + x·φ(x).
                return 0.5 * (1.0 + MathNet.Numerics.SpecialFunctions.Erf(x / Math.Sqrt(2.0))) + x * Math.Exp(-0.5 * x * x) / Math.Sqrt(2.0 * Math.PI);
            case ActivationKind.Softplus: return Sigmoid.Forward(x);
            default: throw new InvalidOperationException($"Unknown activation kind {Kind}.");
        }
    }

    /// <summary>
    /// f′ expressed through the output y = f(x), for the functions where <see cref="DerivativeUsesOutput"/>:
    /// sigmoid y(1 − y), tanh 1 − y², softsign (1 − |y|)², ELU (x ≤ 0) y + α, SELU (x ≤ 0) y + λα.
    /// </summary>
    public double DerivativeFromOutput(double x, double y) => Kind switch
    {
        ActivationKind.Sigmoid => y * (1.0 - y),
        ActivationKind.Tanh => 1.0 - y * y,
        ActivationKind.Softsign => (1.0 - Math.Abs(y)) * (1.0 - Math.Abs(y)),
        ActivationKind.Elu => x > 0 ? 1.0 : y + Parameter,
        ActivationKind.Selu => x > 0 ? SeluLambda : y + SeluLambda * SeluAlpha,
        _ => Derivative(x),
    };

    /// <summary>
    /// Parses <c>tanh</c>, <c>leaky-relu:0.01</c>, <c>elu:1.0</c>, … and every alias of
    /// <see cref="ActivationRegistry"/> (case-insensitive; <c>_</c> may replace <c>-</c>). Throws
    /// <see cref="FormatException"/> naming the accepted names.
    /// </summary>
    public static Activation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var activation, out string? error)) return activation;
        throw new FormatException(error);
    }

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? text, out Activation activation) => TryParse(text, out activation, out _);

    /// <summary>Like <see cref="Parse"/>, without throwing: on failure <paramref name="error"/> is the message
    /// <see cref="Parse"/> would throw (an unknown name gets the nearest known names).</summary>
    public static bool TryParse(string? text, out Activation activation, out string? error) =>
        ActivationRegistry.TryParse(text, out activation, out error);

    // The registry's parser builds activations from a kind and an already validated parameter.
    internal static Activation Create(ActivationKind kind, double parameter) => new(kind, parameter);

    /// <summary>The name, with the parameter where there is one: <c>leaky-relu:0.01</c>, <c>elu:1</c>.</summary>
    public override string ToString() => Info.Parameter is not null
        ? $"{Name}:{Parameter.ToString("R", CultureInfo.InvariantCulture)}"
        : Name;

    /// <inheritdoc/>
    public bool Equals(Activation other) => Kind == other.Kind && Parameter.Equals(other.Parameter);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Activation other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Parameter);

    /// <summary>Same function and parameter.</summary>
    public static bool operator ==(Activation left, Activation right) => left.Equals(right);

    /// <summary>Different function or parameter.</summary>
    public static bool operator !=(Activation left, Activation right) => !left.Equals(right);

    // e^x − 1 without cancellation near 0 (Kahan's trick: the rounding error of e^x cancels in the ratio).
    private static double ExpMinusOne(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }
}
