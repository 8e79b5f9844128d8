using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>What <c>glorot init</c> drew: one tensor from a scheme, or a preset's weight and bias.</summary>
internal sealed record InitDrawn(IReadOnlyList<InitResult> Results, string? Preset, string? PresetFormula)
{
    /// <summary>False when <c>--verify</c> found a draw that is not what its scheme describes.</summary>
    public bool Passed => Results.All(r => r.Verification is not { Passed: false });
}

/// <summary>
/// Turns an <see cref="InitArguments"/> into draws: checks how the options combine (a preset fixes what a scheme
/// would take, a layer decides the shape), builds the initializers through <see cref="Presets"/> and
/// <see cref="Schemes"/>, and draws each tensor with <see cref="InitRunner"/>.
/// </summary>
internal static class InitDrawing
{
    public static InitDrawn Draw(InitArguments a)
    {
        var (outputCount, _) = InitOutput.Resolve(a.Out, a.Save, a.DescribesLayer);
        // A preset without --layer serves a dense layer, or the convolution its --kernel describes ("conv" takes
        // its rank from the kernel).
        string? presetLayer = a.Preset is null ? null : a.Kernel is null ? "dense" : "conv";
        var layer = UserInput.Check(() => Layer(a.LayerKind ?? presetLayer, a.Inputs, outputCount, a.Kernel, a.Groups, a.Transposed, !a.DescribesLayer));
        Func<Initializer, Initializer> wrap = a.Miscalibrate is { } factor ? i => new Miscalibrated(i, factor) : i => i;
        return a.Preset is { } preset ? DrawPreset(a, preset, layer!, wrap) : DrawScheme(a, layer, wrap);
    }

    private static InitDrawn DrawPreset(InitArguments a, string presetName, LayerSpec layer, Func<Initializer, Initializer> wrap)
    {
        if (a.Scheme is { } s) throw new UserInputException($"Give either a scheme ('{s}') or --preset, not both.");
        if (a.Shape is not null) throw new UserInputException("--preset takes the layer (--in, --out, --layer, --kernel), not --shape.");
        // A preset fixes the distribution, fans and gain of its framework; an option that would change them is
        // refused rather than silently ignored.
        if (a.SchemeOptionsGiven.Count > 0)
            throw new UserInputException(
                $"--preset {presetName} takes no {string.Join(", ", a.SchemeOptionsGiven)}: a preset draws exactly as its framework does (use a scheme with --layer to choose them).");
        // The bias draws from stream + 1; wrapping to 0 would share a stream with another tensor's weight.
        if (a.Stream == ulong.MaxValue)
            throw new UserInputException($"--stream {a.Stream} leaves no stream for the bias (it uses stream + 1); give a smaller one.");
        var init = UserInput.Check(() => Presets.Create(presetName, layer));
        var prefix = a.Name is null ? "" : a.Name + ".";
        InitResult[] results =
        [
            InitRunner.Run(new InitRequest(prefix + "weight", wrap(init.Weight), init.WeightShape, a.Seed, a.Stream, a.Verify, layer)),
            InitRunner.Run(new InitRequest(prefix + "bias", wrap(init.Bias), init.BiasShape, a.Seed, a.Stream + 1, a.Verify, layer)),
        ];
        return new InitDrawn(results, init.Preset, Presets.Find(init.Preset).Formula);
    }

    private static InitDrawn DrawScheme(InitArguments a, LayerSpec? layer, Func<Initializer, Initializer> wrap)
    {
        var schemeName = a.Scheme
            ?? throw new UserInputException("Name a scheme (e.g. `glorot init xavier-uniform --shape 256,784`), a --preset, or use --list.");
        if (a.Shape is not null && layer is not null) throw new UserInputException("Give either --shape or --layer, not both: the layer decides the shape.");
        if (a.Shape is null && layer is null) throw new UserInputException("--shape is required, e.g. --shape 256,784 (or describe the layer: --layer conv2d --in 3 --out 64 --kernel 5x5).");
        var entry = UserInput.Check(() => Schemes.Find(schemeName));
        var options = a.SchemeOptions with
        {
            // With a layer, --groups describes the layer; dirac then takes the layer's groups.
            Groups = layer is null || entry.Name == "dirac" ? a.Groups : null,
            Layout = a.Layout,
            // Schemes without fans (uniform, orthogonal, …) only take the layer's shape.
            Layer = layer is not null && entry.Options.Contains("layer") ? layer : null,
        };
        var shape = layer is null ? a.Shape! : UserInput.Check(() => layer.WeightShape(a.Layout ?? TensorLayout.OutInKernel));
        var initializer = wrap(UserInput.Check(() => Schemes.Create(entry.Name, options)));
        return new InitDrawn([InitRunner.Run(new InitRequest(a.Name ?? "weight", initializer, shape, a.Seed, a.Stream, a.Verify, layer))], null, null);
    }

    private static LayerSpec? Layer(string? kind, int? inputs, int? outputs, int[]? kernel, int? groups, bool transposed, bool noLayer)
    {
        if (noLayer)
        {
            if (inputs is not null || outputs is not null || kernel is not null || transposed)
                throw new UserInputException("--in, --kernel and --transposed describe a layer: add --layer (dense, conv1d, conv2d, conv3d) or --preset.");
            return null;
        }
        if (inputs is null || outputs is null) throw new UserInputException("A layer needs --in and --out (features or channels).");
        return LayerSpec.Parse(kind!, inputs.Value, outputs.Value, kernel, groups ?? 1, transposed);
    }
}
