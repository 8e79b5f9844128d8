using System.Globalization;
using System.Text.Json;
using Glorot.Lab.Figures;
using Glorot.Theory;
using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>What the theory predicts per hidden layer (<see cref="NetworkReport"/>), for <c>glorot theory</c>: a table, JSON and CSV.</summary>
internal static class TheoryReport
{
    public static string Json(NetworkReport report) => JsonSerializer.Serialize(report, ProbeReport.JsonOptions);

    /// <summary>The network and its depth scales, then one table (fits <see cref="ProbeReport.TerminalWidth"/> columns).</summary>
    public static void Print(NetworkReport report, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = ProbeReport.TerminalWidth;
        output.WriteLine($"network   {string.Join("-", report.Widths)}, {report.Activation}, weights {report.Weights}, σ_b² = {G(report.SigmaB2)}");
        output.WriteLine($"inputs    E[x²] = {G(report.InputSecondMoment)}; output-layer dL/ds std = {G(report.OutputGradientStd)} (gradients scale with it)");
        if (report.DepthScales is { } d)
        {
            output.WriteLine($"fixed pt  σ_w² = {G(d.SigmaW2)}: q* = {G(d.QStar)}, χ₁ = {G(d.Chi1)} ({(d.Chaotic ? "chaotic: gradients explode" : d.Chi1 < 1 ? "ordered: gradients vanish" : "edge of chaos")}), c* = {G(d.CStar)}");
            output.WriteLine($"depth     ξ_q = {G(d.XiQ)} layers, ξ_c = {G(d.XiC)} layers (Schoenholz et al. 2017)");
        }
        else output.WriteLine($"depth     no depth scales: {report.DepthScalesNote}");
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("layer", "σ_w²", "q = Var s", "act std", "linear", "dL/ds std", "linear", "χ₁");
        foreach (var r in report.Layers)
            table.AddRow(r.Layer.ToString(CultureInfo.InvariantCulture), G(r.SigmaW2), G(r.PreActivationVariance), G(r.ActivationStd),
                G(r.LinearActivationStd), G(r.BackpropStd), G(r.LinearBackpropStd), G(r.Chi1));
        console.Write(table);
        output.WriteLine("mean field: Poole et al. 2016 q-map through the activation; linear: Glorot & Bengio 2010 eqs. 5–7");
        output.WriteLine("(f′ = 1, no bias). χ₁ = σ_w²·E[φ′(s)²] per layer: the factor the gradient's variance gets per layer.");
    }

    private static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
