using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>
/// What <c>glorot init</c> was asked for, read from its options (<see cref="InitOptionSet.Read"/>): typed and each
/// value already checked on its own; <see cref="InitDrawing"/> checks how they combine.
/// </summary>
internal sealed record InitArguments
{
    public string? Scheme { get; init; }
    public string? Preset { get; init; }
    public int[]? Shape { get; init; }
    public string? LayerKind { get; init; }
    public int? Inputs { get; init; }
    public string? Out { get; init; }
    public string? Save { get; init; }
    public int[]? Kernel { get; init; }
    public bool Transposed { get; init; }
    public int? Groups { get; init; }
    public TensorLayout? Layout { get; init; }

    /// <summary>
    /// The scheme's own parameters as given (mode, distribution, gain, nonlinearity, scale, mean, std, bounds, value,
    /// fan convention); <see cref="InitDrawing"/> adds the layer, its groups and the layout.
    /// </summary>
    public InitOptions SchemeOptions { get; init; } = new();
    public ulong Seed { get; init; }
    public ulong Stream { get; init; }
    public bool Verify { get; init; }
    public string? Name { get; init; }
    public string? Provenance { get; init; }
    public bool Json { get; init; }

    /// <summary>Negative control (a hidden option): stretch the draw's std by this factor while claiming the scheme's.</summary>
    public double? Miscalibrate { get; init; }

    /// <summary>The options given that choose a distribution, fans or gain: a preset fixes them and refuses these.</summary>
    public IReadOnlyList<string> SchemeOptionsGiven { get; init; } = [];

    /// <summary>Whether the request describes a layer (<c>--layer</c> or <c>--preset</c>), which changes what <c>--out</c> means.</summary>
    public bool DescribesLayer => LayerKind is not null || Preset is not null;
}
