namespace Glorot;

/// <summary>The one parameter an activation may take (the leaky-relu slope, the ELU α), as names spell it after ':'.</summary>
/// <param name="Symbol">The letter in the formula and in the name's help: <c>a</c>, <c>α</c>.</param>
/// <param name="Label">What an error calls it: "leaky-relu slope", "ELU alpha".</param>
/// <param name="Default">The value when the name gives none (PyTorch's defaults: slope 0.01, α = 1).</param>
/// <param name="ZeroAllowed">Whether 0 is allowed (a slope of 0 is relu; an α of 0 would make ELU relu, which
/// ELU's definition excludes: Clevert et al. 2015 take α &gt; 0).</param>
public sealed record ActivationParameter(string Symbol, string Label, double Default, bool ZeroAllowed)
{
    /// <summary>Whether <paramref name="value"/> is a valid value: finite and ≥ 0 (or &gt; 0 when zero is not allowed).</summary>
    public bool Accepts(double value) => double.IsFinite(value) && (ZeroAllowed ? value >= 0 : value > 0);

    /// <summary>The rule <see cref="Accepts"/> checks, for an error message: "finite and non-negative".</summary>
    public string Rule => ZeroAllowed ? "finite and non-negative" : "finite and positive";
}
