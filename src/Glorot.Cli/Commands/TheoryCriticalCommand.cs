using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Glorot.Lab.Figures;
using Glorot.Theory;

namespace Glorot.Cli.Commands;

/// <summary>
/// <c>glorot theory critical</c>: the edge-of-chaos σ_w (χ₁ = 1 at the q-map's fixed point; Poole et al. 2016,
/// Schoenholz et al. 2017) of one activation or of every activation of the engine, and the phase diagram.
/// </summary>
internal static class TheoryCriticalCommand
{
    public static Command Create()
    {
        var activation = new Option<string?>("--activation") { Description = "one activation; default: every activation of the engine" };
        var sigmaB = new Option<double>("--sigma-b") { Description = "bias std σ_b", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var diagram = new Option<bool>("--phase-diagram") { Description = "draw ξ_c over (σ_w², σ_b²) with the edge of chaos (needs --activation and --out)" };
        var output = new Option<string?>("--out") { Description = "the diagram's PNG (an SVG and the CSV of its numbers are written beside it)" };
        var maxW = new Option<double>("--max-sigma-w2") { Description = "diagram's σ_w² range", DefaultValueFactory = _ => 4 };
        var maxB = new Option<double>("--max-sigma-b2") { Description = "diagram's σ_b² range", DefaultValueFactory = _ => 0.5 };
        var grid = new Option<int>("--grid") { Description = "diagram cells per side", DefaultValueFactory = _ => 40 };
        var command = new Command("critical",
            "The edge of chaos: σ_w where χ₁ = σ_w²·E[φ′(√q* z)²] = 1 for a bias std σ_b (Poole et al. 2016; Schoenholz et al. 2017), " +
            "and with --phase-diagram the ordered/chaotic boundary in (σ_w², σ_b²) with ξ_c as colour.")
        {
            activation, sigmaB, json, diagram, output, maxW, maxB, grid,
        };
        command.SetAction(result =>
        {
            double sb = TheoryCommand.CheckSigmaB(result.GetValue(sigmaB));
            var writer = result.InvocationConfiguration.Output;
            string? name = result.GetValue(activation);
            if (result.GetValue(diagram))
            {
                if (name is null) throw new UserInputException("--phase-diagram draws one activation: add --activation, e.g. --activation tanh.");
                string path = result.GetValue(output) ?? throw new UserInputException("--phase-diagram needs --out FILE.png.");
                if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new UserInputException($"--out {path}: name a .png file.");
                var f = UserInput.Check(() => Activation.Parse(name));
                double w2 = result.GetValue(maxW), b2 = result.GetValue(maxB);
                int cells = result.GetValue(grid);
                UserInput.Check(() => PhaseDiagram.Check(w2, b2, cells));
                var figure = PhaseDiagram.Draw(f, w2, b2, cells, Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path));
                writer.WriteLine($"wrote {figure.Png}, {figure.Svg}, {figure.Csv}");
                return ExitCodes.Success;
            }
            if (result.GetValue(output) is not null) throw new UserInputException("--out goes with --phase-diagram.");
            var activations = name is null ? Activation.Names.Select(Activation.Parse).ToList() : [UserInput.Check(() => Activation.Parse(name))];
            var rows = EdgeOfChaos.Table(activations, sb * sb).Select(r => new Row(r.Activation.ToString(), r.Point, r.Note)).ToList();
            if (name is not null && rows[0].Note is { } only) throw new UserInputException(only);
            if (result.GetValue(json))
            {
                writer.WriteLine(JsonSerializer.Serialize(rows.Select(r => new Dictionary<string, object?>
                {
                    ["activation"] = r.Activation, ["sigma_b"] = sb, ["sigma_w"] = r.Point?.SigmaW, ["sigma_w2"] = r.Point?.SigmaW2,
                    ["q_star"] = r.Point?.QStar, ["note"] = r.Note,
                }), ProbeReport.JsonOptions));
                return ExitCodes.Success;
            }
            writer.WriteLine($"edge of chaos (χ₁ = 1) at σ_b = {G(sb)}:");
            writer.WriteLine($"{"activation",-12} {"σ_w",9} {"σ_w²",9} {"q*",9}");
            foreach (var r in rows)
                writer.WriteLine(r.Point is { } p ? $"{r.Activation,-12} {G(p.SigmaW),9} {G(p.SigmaW2),9} {G(p.QStar),9}" : $"{r.Activation,-12} none: {r.Note}");
            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record Row(string Activation, CriticalPoint? Point, string? Note);

    private static string G(double x) => x.ToString("G5", CultureInfo.InvariantCulture);
}
