using System.CommandLine;
using System.Text.Json;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot init</c>: draws a tensor with any scheme — or a layer's weight and bias with a framework preset —
/// reports what was drawn, and on request self-tests it and writes its provenance.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var scheme = new Argument<string?>("scheme") { Description = "Scheme name (see --list)", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List every scheme and preset with its formula" };
        var shape = new Option<string?>("--shape") { Description = "Tensor shape, e.g. 256,784 ([out, in, k…]); or give --layer" };
        var layer = new Option<string?>("--layer") { Description = "Layer the weight belongs to: dense | conv1d | conv2d | conv3d; fans are counted from it" };
        var inputs = new Option<int?>("--in") { Description = "--layer/--preset: input features or channels" };
        var outputs = new Option<string?>("--out") { Description = "Write the tensor to this .npy file (float32, C order, provenance JSON beside it); with --layer/--preset: the number of output features or channels" };
        var save = new Option<string?>("--save") { Description = "Write the tensor(s) as .npy: a file, or with --preset a directory (weight.npy, bias.npy); provenance JSON beside each" };
        var kernel = new Option<string?>("--kernel") { Description = "--layer/--preset: kernel size, e.g. 5x5" };
        var transposed = new Option<bool>("--transposed") { Description = "--layer/--preset: a transposed convolution" };
        var fanConvention = new Option<string?>("--fan-convention") { Description = "With --layer: layer (counted, default) | pytorch | keras (reproduce that framework's fans)" };
        var preset = new Option<string?>("--preset") { Description = "Framework preset for a layer's weight and bias: pytorch-linear, pytorch-conv, keras-dense, keras-conv, flax-dense, flax-conv (a dense layer, or with --kernel a convolution); it fixes distribution, fans and gain" };
        var mode = new Option<string?>("--mode") { Description = "fan-in | fan-out | fan-avg | fan-geo-avg" };
        var distribution = new Option<string?>("--distribution") { Description = "uniform | normal | truncated-normal" };
        var gain = new Option<double?>("--gain") { Description = "Explicit gain (multiplies the std)" };
        var nonlinearity = new Option<string?>("--nonlinearity") { Description = "Take the gain of: linear, sigmoid, tanh, relu, leaky-relu:0.01, selu, softsign (classic table; see `glorot gain` for any activation)" };
        var scale = new Option<double?>("--scale") { Description = "variance-scaling: Var = gain²·scale/n" };
        var mean = new Option<double?>("--mean") { Description = "normal, truncated normals: mean" };
        var std = new Option<double?>("--std") { Description = "normal, truncated normals: std (see --list for what each truncated normal means by it)" };
        var low = new Option<double?>("--low") { Description = "uniform: low; truncated normals: lower bound (absolute for truncated-normal, in std units for jax-truncated-normal and truncated-normal-corrected)" };
        var high = new Option<double?>("--high") { Description = "uniform: high; truncated normals: upper bound (as --low)" };
        var value = new Option<double?>("--value") { Description = "constant: the value" };
        var groups = new Option<int?>("--groups") { Description = "--layer: channel groups (= --in for depthwise); dirac: number of groups" };
        var layout = new Option<string?>("--layout") { Description = "pytorch ([out, in, k…], default) | keras ([k…, in, out])" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
        var stream = new Option<ulong>("--stream") { Description = "Random stream (e.g. the layer index); a preset's bias uses stream + 1", DefaultValueFactory = _ => 0 };
        var verify = new Option<bool>("--verify") { Description = "Self-test the draw (KS against the exact CDF, mean, variance, support; orthonormality) and print the verdict; exit 1 on FAIL" };
        var name = new Option<string?>("--name") { Description = "Tensor name for the provenance record (default: weight; a preset adds .weight/.bias)" };
        var provenance = new Option<string?>("--provenance") { Description = "Write each tensor's provenance record, <name>.init.json, into this directory" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        // Test hook: draw a distribution wider than the scheme claims, to show that --verify catches it.
        var miscalibrate = new Option<double?>("--test-miscalibrate") { Description = "Negative control: stretch the draw's std by this factor while claiming the scheme's", Hidden = true };

        var command = new Command("init", "Draw a weight tensor (or a layer's weight and bias with --preset) and print its fans, gain, std and bound")
        {
            scheme, list, shape, layer, inputs, outputs, save, kernel, transposed, fanConvention, preset, mode, distribution, gain,
            nonlinearity, scale, mean, std, low, high, value, groups, layout, seed, stream, verify, name, provenance, json,
            miscalibrate,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(list))
            {
                PrintList(output);
                return ExitCodes.Success;
            }
            var presetName = parse.GetValue(preset);
            var (outputCount, savePath) = InitOutput.Resolve(parse.GetValue(outputs), parse.GetValue(save),
                describesLayer: parse.GetValue(layer) is not null || presetName is not null);
            // A preset without --layer serves a dense layer, or the convolution its --kernel describes ("conv" takes
            // its rank from the kernel).
            string? presetLayer = presetName is null ? null : parse.GetValue(kernel) is null ? "dense" : "conv";
            var layerSpec = UserInput.Check(() => ParseLayer(parse.GetValue(layer) ?? presetLayer, parse.GetValue(inputs), outputCount,
                parse.GetValue(kernel), parse.GetValue(groups), parse.GetValue(transposed), parse.GetValue(layer) is null && presetName is null));
            Func<Initializer, Initializer> wrap = parse.GetValue(miscalibrate) is { } factor ? i => new Miscalibrated(i, factor) : i => i;
            ulong seedValue = parse.GetValue(seed), streamValue = parse.GetValue(stream);
            bool verifyDraw = parse.GetValue(verify);
            var label = parse.GetValue(name);
            if (label is not null && (label.Length == 0 || Path.GetFileName(label) != label || label is "." or ".."))
                throw new UserInputException($"--name '{label}' must be a plain file name (no directory part), e.g. fc1 or conv1.weight.");

            List<InitResult> results;
            Entry? presetEntry = null;
            if (presetName is not null)
            {
                if (parse.GetValue(scheme) is { } s) throw new UserInputException($"Give either a scheme ('{s}') or --preset, not both.");
                if (parse.GetValue(shape) is not null) throw new UserInputException("--preset takes the layer (--in, --out, --layer, --kernel), not --shape.");
                // A preset fixes the distribution, fans and gain of its framework; an option that would change them is
                // refused rather than silently ignored.
                Option[] schemeOptions = [mode, distribution, gain, nonlinearity, scale, mean, std, low, high, value, layout, fanConvention];
                var ignored = schemeOptions.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
                if (ignored.Count > 0)
                    throw new UserInputException(
                        $"--preset {presetName} takes no {string.Join(", ", ignored)}: a preset draws exactly as its framework does (use a scheme with --layer to choose them).");
                // The bias draws from stream + 1; wrapping to 0 would share a stream with another tensor's weight.
                if (streamValue == ulong.MaxValue)
                    throw new UserInputException($"--stream {streamValue} leaves no stream for the bias (it uses stream + 1); give a smaller one.");
                var init = UserInput.Check(() => Presets.Create(presetName, layerSpec!));
                presetEntry = new Entry(init.Preset, Presets.Find(init.Preset).Formula);
                var prefix = label is null ? "" : label + ".";
                results =
                [
                    InitRunner.Run(new InitRequest(prefix + "weight", wrap(init.Weight), init.WeightShape, seedValue, streamValue, verifyDraw, layerSpec)),
                    InitRunner.Run(new InitRequest(prefix + "bias", wrap(init.Bias), init.BiasShape, seedValue, streamValue + 1, verifyDraw, layerSpec)),
                ];
            }
            else
            {
                var schemeName = parse.GetValue(scheme)
                    ?? throw new UserInputException("Name a scheme (e.g. `glorot init xavier-uniform --shape 256,784`), a --preset, or use --list.");
                var shapeText = parse.GetValue(shape);
                if (shapeText is not null && layerSpec is not null) throw new UserInputException("Give either --shape or --layer, not both: the layer decides the shape.");
                if (shapeText is null && layerSpec is null) throw new UserInputException("--shape is required, e.g. --shape 256,784 (or describe the layer: --layer conv2d --in 3 --out 64 --kernel 5x5).");
                var entry = UserInput.Check(() => Schemes.Find(schemeName));
                var tensorLayout = ParseLayout(parse.GetValue(layout));
                var options = new InitOptions
                {
                    Mode = ParseMode(parse.GetValue(mode)),
                    Distribution = ParseDistribution(parse.GetValue(distribution)),
                    Gain = parse.GetValue(gain),
                    Nonlinearity = parse.GetValue(nonlinearity),
                    Scale = parse.GetValue(scale),
                    Mean = parse.GetValue(mean),
                    Std = parse.GetValue(std),
                    Low = parse.GetValue(low),
                    High = parse.GetValue(high),
                    Value = parse.GetValue(value),
                    // With a layer, --groups describes the layer; dirac then takes the layer's groups.
                    Groups = layerSpec is null || entry.Name == "dirac" ? parse.GetValue(groups) : null,
                    Layout = tensorLayout,
                    // Schemes without fans (uniform, orthogonal, …) only take the layer's shape.
                    Layer = layerSpec is not null && entry.Options.Contains("layer") ? layerSpec : null,
                    FanConvention = ParseFanConvention(parse.GetValue(fanConvention)),
                };
                var tensorShape = UserInput.Check(() => layerSpec?.WeightShape(tensorLayout ?? TensorLayout.OutInKernel) ?? Shapes.Parse(shapeText!));
                var initializer = wrap(UserInput.Check(() => Schemes.Create(entry.Name, options)));
                results = [InitRunner.Run(new InitRequest(label ?? "weight", initializer, tensorShape, seedValue, streamValue, verifyDraw, layerSpec))];
            }

            if (parse.GetValue(provenance) is { } directory) WriteProvenance(directory, results);
            var saved = savePath is null ? [] : InitOutput.Save(savePath, results);
            Print(output, results, presetEntry, parse.GetValue(json));
            if (!parse.GetValue(json))
                foreach (var file in saved) output.WriteLine($"{"wrote",-13} {file}");
            return results.Any(r => r.Verification is { Passed: false }) ? ExitCodes.VerifyFailed : ExitCodes.Success;
        });
        return command;
    }

    private sealed record Entry(string Name, string Formula);

    private static void WriteProvenance(string directory, List<InitResult> results)
    {
        if (File.Exists(directory)) throw new IOException($"--provenance {directory}: is a file, not a directory.");
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var r in results) r.Provenance.Write(Path.Combine(directory, r.Request.Label + Provenance.FileSuffix));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--provenance {directory}: cannot write the records there ({ex.Message})", ex);
        }
    }

    private static void Print(TextWriter output, List<InitResult> results, Entry? preset, bool json)
    {
        if (json)
        {
            object document = preset is null
                ? InitReport.ToJson(results[0])
                : new Dictionary<string, object?>
                {
                    ["preset"] = preset.Name, ["formula"] = preset.Formula,
                    ["weight"] = InitReport.ToJson(results[0]), ["bias"] = InitReport.ToJson(results[1]),
                };
            output.WriteLine(JsonSerializer.Serialize(document, InitReport.JsonOptions));
            return;
        }
        if (preset is not null) output.WriteLine($"{"preset",-13} {preset.Name}: {preset.Formula}");
        foreach (var r in results)
        {
            if (preset is not null) output.WriteLine($"── {r.Request.Label}");
            InitReport.WriteTable(output, r);
        }
    }

    private static LayerSpec? ParseLayer(string? kind, int? inputs, int? outputs, string? kernel, int? groups, bool transposed, bool noLayer)
    {
        if (noLayer)
        {
            if (inputs is not null || outputs is not null || kernel is not null || transposed)
                throw new UserInputException("--in, --kernel and --transposed describe a layer: add --layer (dense, conv1d, conv2d, conv3d) or --preset.");
            return null;
        }
        if (inputs is null || outputs is null) throw new UserInputException("A layer needs --in and --out (features or channels).");
        return LayerSpec.Parse(kind!, inputs.Value, outputs.Value, kernel is null ? null : Shapes.Parse(kernel), groups ?? 1, transposed);
    }

    private static void PrintList(TextWriter output)
    {
        foreach (var entry in Schemes.All)
        {
            output.WriteLine($"{entry.Name,-26} {entry.Formula}");
            if (entry.Options.Length > 0) output.WriteLine($"{"",-26} options: --{string.Join(", --", entry.Options)}");
        }
        output.WriteLine();
        output.WriteLine("Aliases: glorot-* = xavier-*, normalized = xavier-uniform, kaiming-* = he-*, msra = he-normal, eye = identity,");
        output.WriteLine("         trunc-normal = pytorch-truncated-normal = truncated-normal, tf-truncated-normal = keras-truncated-normal.");
        output.WriteLine();
        output.WriteLine("Presets (--preset NAME --in N --out M [--layer conv2d --kernel 3x3 --groups G --transposed]):");
        foreach (var p in Presets.All) output.WriteLine($"  {p.Name,-16} {p.Formula}");
        output.WriteLine();
        output.WriteLine("Gains (--nonlinearity; `glorot gain ACTIVATION` computes one for any activation):");
        foreach (var (gainName, gainValue) in Gain.Table) output.WriteLine($"  {gainName,-62} {gainValue}");
    }

    internal static FanMode? ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "fan-in" or "fan_in" or "in" => FanMode.FanIn,
        "fan-out" or "fan_out" or "out" => FanMode.FanOut,
        "fan-avg" or "fan_avg" or "avg" or "average" => FanMode.FanAvg,
        "fan-geo-avg" or "fan_geo_avg" or "geo-avg" => FanMode.FanGeoAvg,
        _ => throw new UserInputException($"--mode '{text}' is not one of fan-in, fan-out, fan-avg, fan-geo-avg."),
    };

    internal static Distribution? ParseDistribution(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "uniform" => Distribution.Uniform,
        "normal" => Distribution.Normal,
        "truncated-normal" or "truncated_normal" or "trunc-normal" => Distribution.TruncatedNormal,
        _ => throw new UserInputException($"--distribution '{text}' is not one of uniform, normal, truncated-normal."),
    };

    internal static TensorLayout? ParseLayout(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "pytorch" or "out-in" => TensorLayout.OutInKernel,
        "keras" or "tensorflow" or "in-out" => TensorLayout.KernelInOut,
        _ => throw new UserInputException($"--layout '{text}' is not one of pytorch, keras."),
    };

    internal static FanConvention? ParseFanConvention(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "layer" => FanConvention.Layer,
        "pytorch" => FanConvention.PyTorch,
        "keras" or "tensorflow" => FanConvention.Keras,
        _ => throw new UserInputException($"--fan-convention '{text}' is not one of layer, pytorch, keras."),
    };
}
