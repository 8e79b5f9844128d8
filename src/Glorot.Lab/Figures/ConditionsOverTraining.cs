using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// Not a figure of the paper: Glorot &amp; Bengio's conditions n_in·Var(W_l) = 1 (eq. 10) and n_out·Var(W_l) = 1
/// (eq. 11), which they impose at initialization only (eq. 16 compromises between them), followed over training from
/// the run's probes — one panel per initialization, as Fig. 9.
/// </summary>
internal static class ConditionsOverTraining
{
    /// <summary>The figure's CSV: per probe and layer, fan-in·Var(W) and fan-out·Var(W); epoch = step in the paper's epochs.</summary>
    private static readonly CsvSchema Columns = new("conditions-n-var-w CSV",
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("n_in_var_w", CsvKind.Number), new("n_out_var_w", CsvKind.Number), new("epoch", CsvKind.Number));

    /// <summary>True when the run's probes hold the conditions (runs written before they were recorded do not).</summary>
    public static bool Recorded(RunDirectory run) =>
        RunTables.Probes(run).Any(r => r.Quantity == "activation" && r.FanInWeightVariance is not null);

    /// <summary>Draws one panel (one initialization, <paramref name="init"/> = standard or normalized).</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string init)
    {
        var rows = RunTables.Probes(run).Where(r => r.Quantity == "activation" && r.FanInWeightVariance is not null).ToList();
        int layers = rows.Max(r => r.Layer);
        var plot = FigureStyle.NewPlot($"n_in·Var(W_l) and n_out·Var(W_l) over training, tanh {init}", "updates", "n·Var(W_l)");
        var csv = new FigureCsv(Columns);
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = rows.Where(r => r.Layer == layer).OrderBy(r => r.Step).ToList();
            double[] xs = [.. points.Select(p => (double)p.Step)];
            var fanIn = plot.Add.Scatter(xs, [.. points.Select(p => p.FanInWeightVariance!.Value)]);
            fanIn.Color = FigureStyle.LayerColor(layer, layers);
            fanIn.LineWidth = 2;
            fanIn.MarkerSize = 5;
            fanIn.LegendText = $"Layer {layer}: n_in (solid)";
            var fanOut = plot.Add.Scatter(xs, [.. points.Select(p => p.FanOutWeightVariance!.Value)]);
            fanOut.Color = FigureStyle.LayerColor(layer, layers);
            fanOut.LineWidth = 2;
            fanOut.MarkerSize = 0;
            fanOut.LinePattern = ScottPlot.LinePattern.Dashed;
            fanOut.LegendText = $"Layer {layer}: n_out (dashed)";
            foreach (var p in points) csv.Add(p.Step, layer, p.FanInWeightVariance!.Value, p.FanOutWeightVariance!.Value, p.Step / FigureStyle.UpdatesPerEpoch);
        }
        var one = plot.Add.HorizontalLine(1);
        one.Color = ScottPlot.Colors.Gray;
        plot.ShowLegend(ScottPlot.Edge.Right);
        FigureStyle.EpochAxis(plot);
        return FigureStyle.Save(plot, directory, $"conditions-n-var-w-{init}", "n·Var(W) over training",
            "n_in·Var(W_l) (solid, markers) and n_out·Var(W_l) (dashed) of the weights into each hidden layer at every probe, Var the population "
            + "variance over the layer's weights; grey: the condition n·Var(W) = 1. Bottom axis in updates, top axis in the paper's epochs of 20k updates.",
            "Not in the paper: eqs. 10 and 11 ask for n_in·Var(W) = n_out·Var(W) = 1 at initialization (eq. 16 compromises); the paper does not say whether they hold later.", csv);
    }
}
