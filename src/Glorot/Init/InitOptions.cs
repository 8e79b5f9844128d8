namespace Glorot.Init;

/// <summary>
/// The parameters a named scheme may take, as the CLI passes them; null = the scheme's default. A scheme given
/// a parameter it does not use rejects it (see <see cref="Schemes.Create"/>).
/// </summary>
public sealed record InitOptions
{
    /// <summary>Fan mode (he-*, caffe-xavier, variance-scaling).</summary>
    public FanMode? Mode { get; init; }
    /// <summary>Distribution (fan-based schemes).</summary>
    public Distribution? Distribution { get; init; }
    /// <summary>Explicit gain; exclusive with <see cref="Nonlinearity"/>.</summary>
    public double? Gain { get; init; }
    /// <summary>Non-linearity whose gain to use ("tanh", "leaky-relu:0.01", …).</summary>
    public string? Nonlinearity { get; init; }
    /// <summary>Scale of variance-scaling.</summary>
    public double? Scale { get; init; }
    /// <summary>Mean of normal / truncated-normal.</summary>
    public double? Mean { get; init; }
    /// <summary>Std of normal / truncated-normal (before truncation).</summary>
    public double? Std { get; init; }
    /// <summary>Lower bound: uniform's low, truncated-normal's a.</summary>
    public double? Low { get; init; }
    /// <summary>Upper bound: uniform's high, truncated-normal's b.</summary>
    public double? High { get; init; }
    /// <summary>Value of constant.</summary>
    public double? Value { get; init; }
    /// <summary>Groups of dirac.</summary>
    public int? Groups { get; init; }
    /// <summary>Tensor layout for fans.</summary>
    public TensorLayout? Layout { get; init; }
    /// <summary>The layer the weight belongs to: fan-based schemes take their fans from it (see <see cref="LayerSpec"/>).</summary>
    public LayerSpec? Layer { get; init; }
    /// <summary>With <see cref="Layer"/>: count the fans from the layer (default) or reproduce a framework's guess.</summary>
    public FanConvention? FanConvention { get; init; }

    /// <summary>Names of the options that are set, as the CLI spells them.</summary>
    internal IEnumerable<string> SetOptions()
    {
        if (Mode is not null) yield return "mode";
        if (Distribution is not null) yield return "distribution";
        if (Gain is not null) yield return "gain";
        if (Nonlinearity is not null) yield return "nonlinearity";
        if (Scale is not null) yield return "scale";
        if (Mean is not null) yield return "mean";
        if (Std is not null) yield return "std";
        if (Low is not null) yield return "low";
        if (High is not null) yield return "high";
        if (Value is not null) yield return "value";
        if (Groups is not null) yield return "groups";
        if (Layout is not null) yield return "layout";
        if (Layer is not null) yield return "layer";
        if (FanConvention is not null) yield return "fan-convention";
    }
}
