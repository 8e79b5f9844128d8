using System.CommandLine;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary>The options of <c>glorot init</c>, typed, each checked as it is read; <see cref="Read"/> gathers them.</summary>
internal sealed class InitOptionSet
{
    public Argument<string?> Scheme { get; } = new("scheme") { Description = "Scheme name (see --list)", Arity = ArgumentArity.ZeroOrOne };
    public Option<bool> List { get; } = new("--list") { Description = "List every scheme and preset with its formula" };
    public Option<int[]?> Shape { get; } = CheckedOption.Create("--shape", "Tensor shape, e.g. 256,784 ([out, in, k…]); or give --layer", ParseShape);
    public Option<string?> Layer { get; } = new("--layer") { Description = "Layer the weight belongs to: dense | conv1d | conv2d | conv3d; fans are counted from it" };
    public Option<int?> Inputs { get; } = new("--in") { Description = "--layer/--preset: input features or channels" };
    public Option<string?> Out { get; } = new("--out") { Description = "Write the tensor to this .npy file (float32, C order, provenance JSON beside it); with --layer/--preset: the number of output features or channels" };
    public Option<string?> Save { get; } = new("--save") { Description = "Write the tensor(s) as .npy: a file, or with --preset a directory (weight.npy, bias.npy); provenance JSON beside each" };
    public Option<int[]?> Kernel { get; } = CheckedOption.Create("--kernel", "--layer/--preset: kernel size, e.g. 5x5", ParseShape);
    public Option<bool> Transposed { get; } = new("--transposed") { Description = "--layer/--preset: a transposed convolution" };
    public Option<FanConvention?> FanConvention { get; } = CheckedOption.Named<FanConvention>("--fan-convention",
        "With --layer: layer (counted, default) | pytorch | keras (reproduce that framework's fans)");
    public Option<string?> Preset { get; } = new("--preset") { Description = "Framework preset for a layer's weight and bias: pytorch-linear, pytorch-conv, keras-dense, keras-conv, flax-dense, flax-conv (a dense layer, or with --kernel a convolution); it fixes distribution, fans and gain" };
    public Option<FanMode?> Mode { get; } = CheckedOption.Named<FanMode>("--mode", "fan-in | fan-out | fan-avg | fan-geo-avg");
    public Option<Distribution?> Distribution { get; } = CheckedOption.Named<Distribution>("--distribution", "uniform | normal | truncated-normal");
    public Option<double?> Gain { get; } = new("--gain") { Description = "Explicit gain (multiplies the std)" };
    public Option<string?> Nonlinearity { get; } = new("--nonlinearity") { Description = $"Take the gain of: {string.Join(", ", Glorot.Init.Gain.Table.Select(row => row.Name.Split(", ")[0]))} (classic table, aliases in --list; see `glorot gain` for any activation)" };
    public Option<double?> Scale { get; } = new("--scale") { Description = "variance-scaling: Var = gain²·scale/n" };
    public Option<double?> Mean { get; } = new("--mean") { Description = "normal, truncated normals: mean" };
    public Option<double?> Std { get; } = new("--std") { Description = "normal, truncated normals: std (see --list for what each truncated normal means by it)" };
    public Option<double?> Low { get; } = new("--low") { Description = "uniform: low; truncated normals: lower bound (absolute for truncated-normal, in std units for jax-truncated-normal and truncated-normal-corrected)" };
    public Option<double?> High { get; } = new("--high") { Description = "uniform: high; truncated normals: upper bound (as --low)" };
    public Option<double?> Value { get; } = new("--value") { Description = "constant: the value" };
    public Option<int?> Groups { get; } = new("--groups") { Description = "--layer: channel groups (= --in for depthwise); dirac: number of groups" };
    public Option<TensorLayout?> Layout { get; } = CheckedOption.Named<TensorLayout>("--layout", "pytorch ([out, in, k…], default) | keras ([k…, in, out])");
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
    public Option<ulong> Stream { get; } = new("--stream") { Description = "Random stream (e.g. the layer index); a preset's bias uses stream + 1", DefaultValueFactory = _ => 0 };
    public Option<bool> Verify { get; } = new("--verify") { Description = $"Self-test the draw (KS against the exact CDF, mean, variance, support; orthonormality) and print the verdict; exit {ExitCodes.VerifyFailed} on FAIL" };
    public Option<string?> Name { get; } = CheckedOption.Create("--name", "Tensor name for the provenance record (default: weight; a preset adds .weight/.bias)", PlainFileName);
    public Option<string?> Provenance { get; } = new("--provenance") { Description = "Write each tensor's provenance record, <name>.init.json, into this directory" };
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of a table" };
    // Test hook: draw a distribution wider than the scheme claims, to show that --verify catches it.
    public Option<double?> Miscalibrate { get; } = new("--test-miscalibrate") { Description = "Negative control: stretch the draw's std by this factor while claiming the scheme's", Hidden = true };

    /// <summary>Adds the argument and every option to <paramref name="command"/>, in the order --help lists them.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Scheme);
        foreach (Option option in new Option[]
                 {
                     List, Shape, Layer, Inputs, Out, Save, Kernel, Transposed, FanConvention, Preset, Mode, Distribution, Gain,
                     Nonlinearity, Scale, Mean, Std, Low, High, Value, Groups, Layout, Seed, Stream, Verify, Name, Provenance, Json,
                     Miscalibrate,
                 })
            command.Options.Add(option);
    }

    /// <summary>The request the command line makes.</summary>
    public InitArguments Read(ParseResult parse)
    {
        Option[] schemeOptions = [Mode, Distribution, Gain, Nonlinearity, Scale, Mean, Std, Low, High, Value, Layout, FanConvention];
        return new InitArguments
        {
            Scheme = parse.GetValue(Scheme), Preset = parse.GetValue(Preset), Shape = CheckedOption.Given(parse, Shape),
            LayerKind = parse.GetValue(Layer), Inputs = parse.GetValue(Inputs), Out = parse.GetValue(Out), Save = parse.GetValue(Save),
            Kernel = CheckedOption.Given(parse, Kernel), Transposed = parse.GetValue(Transposed), Groups = parse.GetValue(Groups),
            Layout = parse.GetValue(Layout),
            SchemeOptions = new InitOptions
            {
                FanConvention = parse.GetValue(FanConvention), Mode = parse.GetValue(Mode), Distribution = parse.GetValue(Distribution),
                Gain = parse.GetValue(Gain), Nonlinearity = parse.GetValue(Nonlinearity), Scale = parse.GetValue(Scale),
                Mean = parse.GetValue(Mean), Std = parse.GetValue(Std), Low = parse.GetValue(Low), High = parse.GetValue(High),
                Value = parse.GetValue(Value),
            },
            Seed = parse.GetValue(Seed), Stream = parse.GetValue(Stream),
            Verify = parse.GetValue(Verify), Name = CheckedOption.Given(parse, Name), Provenance = parse.GetValue(Provenance),
            Json = parse.GetValue(Json), Miscalibrate = parse.GetValue(Miscalibrate),
            SchemeOptionsGiven = [.. schemeOptions.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name)],
        };
    }

    private static int[] ParseShape(string text) => UserInput.Check(() => Shapes.Parse(text));

    private static string PlainFileName(string label) =>
        label.Length == 0 || Path.GetFileName(label) != label || label is "." or ".."
            ? throw new UserInputException($"--name '{label}' must be a plain file name (no directory part), e.g. fc1 or conv1.weight.")
            : label;
}
