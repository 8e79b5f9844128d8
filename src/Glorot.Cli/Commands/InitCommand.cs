using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot init</c>: draws a tensor with any scheme and reports what was drawn.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var scheme = new Argument<string?>("scheme") { Description = "Scheme name (see --list)", Arity = ArgumentArity.ZeroOrOne };
        var list = new Option<bool>("--list") { Description = "List every scheme with its formula" };
        var shape = new Option<string?>("--shape") { Description = "Tensor shape, e.g. 256,784 ([out, in, k…])" };
        var mode = new Option<string?>("--mode") { Description = "fan-in | fan-out | fan-avg | fan-geo-avg" };
        var distribution = new Option<string?>("--distribution") { Description = "uniform | normal | truncated-normal" };
        var gain = new Option<double?>("--gain") { Description = "Explicit gain (multiplies the std)" };
        var nonlinearity = new Option<string?>("--nonlinearity") { Description = "Take the gain of: linear, sigmoid, tanh, relu, leaky-relu:0.01, selu, softsign" };
        var scale = new Option<double?>("--scale") { Description = "variance-scaling: Var = gain²·scale/n" };
        var mean = new Option<double?>("--mean") { Description = "normal, truncated-normal: mean" };
        var std = new Option<double?>("--std") { Description = "normal, truncated-normal: std (before truncation)" };
        var low = new Option<double?>("--low") { Description = "uniform: low; truncated-normal: lower bound a" };
        var high = new Option<double?>("--high") { Description = "uniform: high; truncated-normal: upper bound b" };
        var value = new Option<double?>("--value") { Description = "constant: the value" };
        var groups = new Option<int?>("--groups") { Description = "dirac: number of groups" };
        var layout = new Option<string?>("--layout") { Description = "pytorch ([out, in, k…], default) | keras ([k…, in, out])" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 0 };
        var stream = new Option<ulong>("--stream") { Description = "Random stream (e.g. the layer index)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };

        var command = new Command("init", "Draw a weight tensor with an initialization scheme and print its fans, gain, std and bound")
        {
            scheme, list, shape, mode, distribution, gain, nonlinearity, scale, mean, std, low, high, value, groups, layout,
            seed, stream, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(list))
            {
                PrintList(output);
                return 0;
            }
            var name = parse.GetValue(scheme) ?? throw new ArgumentException("Name a scheme (e.g. `glorot init xavier-uniform --shape 256,784`) or use --list.");
            var shapeText = parse.GetValue(shape) ?? throw new ArgumentException("--shape is required, e.g. --shape 256,784.");
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
                Groups = parse.GetValue(groups),
                Layout = ParseLayout(parse.GetValue(layout)),
            };
            var request = new InitRequest(name, Shapes.Parse(shapeText), options, parse.GetValue(seed), parse.GetValue(stream));
            var result = InitRunner.Run(request);
            if (parse.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(InitReport.ToJson(result), InitReport.JsonOptions));
            else InitReport.WriteTable(output, result);
            return 0;
        });
        return command;
    }

    private static void PrintList(TextWriter output)
    {
        foreach (var entry in Schemes.All)
        {
            output.WriteLine($"{entry.Name,-18} {entry.Formula}");
            if (entry.Options.Length > 0) output.WriteLine($"{"",-18} options: --{string.Join(", --", entry.Options)}");
        }
        output.WriteLine();
        output.WriteLine("Aliases: glorot-* = xavier-*, kaiming-* = he-*, msra = he-normal, eye = identity, trunc-normal = truncated-normal.");
        output.WriteLine("Gains (--nonlinearity):");
        foreach (var (name, gainValue) in Gain.Table) output.WriteLine($"  {name,-62} {gainValue}");
    }

    internal static FanMode? ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "fan-in" or "fan_in" or "in" => FanMode.FanIn,
        "fan-out" or "fan_out" or "out" => FanMode.FanOut,
        "fan-avg" or "fan_avg" or "avg" or "average" => FanMode.FanAvg,
        "fan-geo-avg" or "fan_geo_avg" or "geo-avg" => FanMode.FanGeoAvg,
        _ => throw new ArgumentException($"--mode '{text}' is not one of fan-in, fan-out, fan-avg, fan-geo-avg."),
    };

    internal static Distribution? ParseDistribution(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "uniform" => Distribution.Uniform,
        "normal" => Distribution.Normal,
        "truncated-normal" or "truncated_normal" or "trunc-normal" => Distribution.TruncatedNormal,
        _ => throw new ArgumentException($"--distribution '{text}' is not one of uniform, normal, truncated-normal."),
    };

    internal static TensorLayout? ParseLayout(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => null,
        "pytorch" or "out-in" => TensorLayout.OutInKernel,
        "keras" or "tensorflow" or "in-out" => TensorLayout.KernelInOut,
        _ => throw new ArgumentException($"--layout '{text}' is not one of pytorch, keras."),
    };
}
