using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glorot.Init;

namespace Glorot.Cli.Commands;

/// <summary><c>glorot gain</c>: the variance- and gradient-preserving gains of any activation, by quadrature.</summary>
internal static class GainCommand
{
    public static Command Create()
    {
        var activation = new Argument<string?>("activation")
        {
            Description = $"Activation: {ActivationRegistry.Help}, silu (swish)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var mode = new Option<string?>("--mode") { Description = "forward (1/√E[φ(z)²]) | backward (1/√E[φ′(z)²]); default: both" };
        var list = new Option<bool>("--list") { Description = "List the activations" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("gain",
            "Compute the gain that keeps a unit signal's scale through an activation, z ~ N(0, 1): forward g = 1/√E[φ(z)²], backward g = 1/√E[φ′(z)²]")
        {
            activation, mode, list, json,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(list))
            {
                int width = ActivationFunctions.Table.Max(row => row.Name.Length);
                foreach (var (name, formula) in ActivationFunctions.Table) output.WriteLine($"{name.PadRight(width)} {formula}");
                return ExitCodes.Success;
            }
            var text = parse.GetValue(activation) ?? throw new UserInputException("Name an activation, e.g. `glorot gain gelu` (or --list).");
            var function = UserInput.Check(() => ActivationFunctions.Find(text));
            GainMode[] modes = parse.GetValue(mode)?.Trim().ToLowerInvariant() switch
            {
                null => [GainMode.Forward, GainMode.Backward],
                "forward" or "fan-in" => [GainMode.Forward],
                "backward" or "fan-out" => [GainMode.Backward],
                var other => throw new UserInputException($"--mode '{other}' is not one of forward, backward."),
            };
            var results = modes.Select(m => NumericGain.Of(function, m)).ToList();
            var classic = Classic(function.Name);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["activation"] = function.Name,
                    ["formula"] = function.Formula,
                    ["classic_gain"] = classic,
                    ["gains"] = results.Select(r => new Dictionary<string, object?>
                    {
                        ["mode"] = r.Mode.ToString().ToLowerInvariant(), ["gain"] = r.Gain, ["mean_square"] = r.MeanSquare,
                        ["mean"] = r.Mean, ["method"] = r.Method,
                    }).ToList(),
                }, InitReport.JsonOptions));
                return ExitCodes.Success;
            }
            output.WriteLine($"{"activation",-13} {function.Name}: φ(z) = {function.Formula}, z ~ N(0, 1)");
            foreach (var r in results)
            {
                string psi = r.Mode == GainMode.Forward ? "φ" : "φ′";
                output.WriteLine($"{r.Mode.ToString().ToLowerInvariant(),-13} gain {Number(r.Gain)} = 1/√E[{psi}(z)²], E[{psi}(z)²] = {Number(r.MeanSquare)}, E[{psi}(z)] = {Number(r.Mean)}");
            }
            output.WriteLine($"{"method",-13} {results[0].Method}");
            if (classic is { } c)
                output.WriteLine($"{"classic",-13} {Number(c)} (PyTorch's calculate_gain table, `--nonlinearity` in glorot init){ClassicNote(function.Name)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static double? Classic(string name)
    {
        try { return Gain.Of(name); }
        catch (ArgumentException) { return null; }
    }

    // Why the classic value is not the computed one, from the activation's registry entry (silu has none).
    private static string ClassicNote(string name) =>
        Activation.TryParse(name, out var activation) && activation.Info.ClassicGainNote is { Length: > 0 } note ? "; " + note : "";

    private static string Number(double x) => x.ToString("G10", CultureInfo.InvariantCulture);
}
