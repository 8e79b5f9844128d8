namespace Glorot.Init;

/// <summary>One value of an enumerated option and the names it is written as.</summary>
/// <param name="Value">The value.</param>
/// <param name="Name">Its canonical name, as messages and help print it: <c>fan-in</c>.</param>
/// <param name="Aliases">Other names that read as it (lower case): <c>fan_in</c>, <c>in</c>.</param>
public sealed record OptionName<T>(T Value, string Name, IReadOnlyList<string> Aliases) where T : struct, Enum;

/// <summary>
/// The names of the initializers' enumerated options (<see cref="FanMode"/>, <see cref="Distribution"/>,
/// <see cref="TensorLayout"/>, <see cref="FanConvention"/>), beside the registries of schemes and activations: the
/// one table that <c>glorot init</c>'s <c>--mode</c>, <c>--distribution</c>, <c>--layout</c> and
/// <c>--fan-convention</c> parse and the schemes' messages print. Names are matched ignoring case and surrounding
/// spaces; the aliases keep every spelling the command line accepted before the table existed.
/// </summary>
public static class InitOptionNames
{
    /// <summary>fan-in, fan-out, fan-avg, fan-geo-avg (with Keras/JAX's snake_case spellings).</summary>
    public static IReadOnlyList<OptionName<FanMode>> FanModes { get; } =
    [
        new(FanMode.FanIn, "fan-in", ["fan_in", "in"]),
        new(FanMode.FanOut, "fan-out", ["fan_out", "out"]),
        new(FanMode.FanAvg, "fan-avg", ["fan_avg", "avg", "average"]),
        new(FanMode.FanGeoAvg, "fan-geo-avg", ["fan_geo_avg", "geo-avg"]),
    ];

    /// <summary>uniform, normal, truncated-normal.</summary>
    public static IReadOnlyList<OptionName<Distribution>> Distributions { get; } =
    [
        new(Distribution.Uniform, "uniform", []),
        new(Distribution.Normal, "normal", []),
        new(Distribution.TruncatedNormal, "truncated-normal", ["truncated_normal", "trunc-normal"]),
    ];

    /// <summary>pytorch ([out, in, k…]) and keras ([k…, in, out]).</summary>
    public static IReadOnlyList<OptionName<TensorLayout>> Layouts { get; } =
    [
        new(TensorLayout.OutInKernel, "pytorch", ["out-in"]),
        new(TensorLayout.KernelInOut, "keras", ["tensorflow", "in-out"]),
    ];

    /// <summary>layer (the fans counted from the layer), pytorch, keras (the fans each framework computes).</summary>
    public static IReadOnlyList<OptionName<FanConvention>> FanConventions { get; } =
    [
        new(FanConvention.Layer, "layer", []),
        new(FanConvention.PyTorch, "pytorch", []),
        new(FanConvention.Keras, "keras", ["tensorflow"]),
    ];

    /// <summary>The table of <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not one of the four option types.</exception>
    public static IReadOnlyList<OptionName<T>> Of<T>() where T : struct, Enum =>
        FanModes as IReadOnlyList<OptionName<T>> ?? Distributions as IReadOnlyList<OptionName<T>>
        ?? Layouts as IReadOnlyList<OptionName<T>> ?? FanConventions as IReadOnlyList<OptionName<T>>
        ?? throw new ArgumentException($"{typeof(T).Name} is not an initializer option with names.");

    /// <summary>The canonical name of <paramref name="value"/>: <c>fan-geo-avg</c>.</summary>
    public static string NameOf<T>(T value) where T : struct, Enum =>
        Of<T>().FirstOrDefault(n => n.Value.Equals(value))?.Name ?? throw new ArgumentOutOfRangeException(nameof(value), value, "No name for this value.");

    /// <summary>The value named <paramref name="text"/> (a name or an alias, case ignored), or false.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        string key = (text ?? "").Trim().ToLowerInvariant();
        var entry = Of<T>().FirstOrDefault(n => n.Name == key || n.Aliases.Contains(key));
        value = entry?.Value ?? default;
        return entry is not null;
    }
}
