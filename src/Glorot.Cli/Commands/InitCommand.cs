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
        var options = new InitOptionSet();
        var command = new Command("init", "Draw a weight tensor (or a layer's weight and bias with --preset) and print its fans, gain, std and bound");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(options.List))
            {
                PrintList(output);
                return ExitCodes.Success;
            }
            var request = options.Read(parse);
            var drawn = InitDrawing.Draw(request);
            Write(output, request, drawn);
            return drawn.Passed ? ExitCodes.Success : ExitCodes.VerifyFailed;
        });
        return command;
    }

    // The provenance records, the .npy files and the report, as the request asks.
    private static void Write(TextWriter output, InitArguments request, InitDrawn drawn)
    {
        var results = drawn.Results;
        if (request.Provenance is { } directory) WriteProvenance(directory, results);
        var savePath = InitOutput.Resolve(request.Out, request.Save, request.DescribesLayer).SavePath;
        var saved = savePath is null ? [] : InitOutput.Save(savePath, results);
        Print(output, results, drawn.Preset is { } name ? new Entry(name, drawn.PresetFormula!) : null, request.Json);
        if (!request.Json)
            foreach (var file in saved) output.WriteLine($"{"wrote",-13} {file}");
    }

    private sealed record Entry(string Name, string Formula);

    private static void WriteProvenance(string directory, IReadOnlyList<InitResult> results)
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

    private static void Print(TextWriter output, IReadOnlyList<InitResult> results, Entry? preset, bool json)
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

    private static void PrintList(TextWriter output)
    {
        foreach (var scheme in SchemeRegistry.All.Where(s => !s.NeedsNetworkAndData)) PrintScheme(output, scheme);
        output.WriteLine();
        output.WriteLine($"Refused, as two frameworks mean different draws by them (docs/INITIALIZERS.md): {string.Join(", ", Schemes.Ambiguous.Keys)}.");
        output.WriteLine();
        output.WriteLine("Data-dependent (a whole network and a data batch: `glorot probe --init NAME`, a run spec's \"init\"; not here):");
        foreach (var scheme in SchemeRegistry.All.Where(s => s.NeedsNetworkAndData)) PrintScheme(output, scheme);
        output.WriteLine();
        output.WriteLine("Presets (--preset NAME --in N --out M [--layer conv2d --kernel 3x3 --groups G --transposed]):");
        foreach (var p in Presets.All) output.WriteLine($"  {p.Name,-16} {p.Formula}");
        output.WriteLine();
        output.WriteLine("Gains (--nonlinearity; `glorot gain ACTIVATION` computes one for any activation):");
        foreach (var (gainName, gainValue) in Gain.Table) output.WriteLine($"  {gainName,-62} {gainValue}");
    }

    private static void PrintScheme(TextWriter output, SchemeInfo scheme)
    {
        output.WriteLine($"{scheme.Name,-26} {scheme.Formula}");
        if (scheme.Aliases.Count > 0) output.WriteLine($"{"",-26} aliases: {string.Join(", ", scheme.Aliases)}");
        if (scheme.Options.Count > 0) output.WriteLine($"{"",-26} options: --{string.Join(", --", scheme.Options)}");
    }
}
