using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// Fig. 9: "standard deviation intervals of the weights gradients" of each layer during learning — per layer the interval
/// mean ± std of the per-example ∂C/∂W (two lines of the layer's colour), tanh standard vs normalized, as the paper draws it.
/// </summary>
internal static class Figure9WeightGradientStd
{
    /// <summary>The figure's CSV: per probe and layer, the weight gradients' std and mean; epoch = step in the paper's epochs.</summary>
    private static readonly CsvSchema Columns = new("fig9-weight-gradient-std.csv",
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("std", CsvKind.Number), new("mean", CsvKind.Number), new("epoch", CsvKind.Number));

    /// <summary>Draws one panel (one initialization).</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string init, string paper)
    {
        var rows = RunTables.Probes(run).Where(r => r.Quantity == "weight_gradient").ToList();
        int layers = rows.Max(r => r.Layer);
        var plot = FigureStyle.NewPlot($"Fig. 9 — weight-gradient std intervals, tanh {init}", "updates", "per-example ∂C/∂W: mean ± std");
        var csv = new FigureCsv(Columns);
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = rows.Where(r => r.Layer == layer).OrderBy(r => r.Step).ToList();
            double[] xs = [.. points.Select(p => (double)p.Step)];
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                var line = plot.Add.Scatter(xs, [.. points.Select(p => p.Mean + sign * p.Std)]);
                line.Color = FigureStyle.LayerColor(layer, layers);
                line.LineWidth = 2;
                line.MarkerSize = 5;
                if (sign > 0) line.LegendText = $"Layer {layer}";
            }
            foreach (var p in points) csv.Add(p.Step, layer, p.Std, p.Mean, p.Step / FigureStyle.UpdatesPerEpoch);
        }
        plot.ShowLegend(ScottPlot.Edge.Right); // outside: the intervals fill the plot symmetrically
        FigureStyle.EpochAxis(plot);
        return FigureStyle.Save(plot, directory, $"fig9-weight-gradient-std-{init}", "Figure 9",
            "Mean ± standard deviation of the per-example weight gradients ∂(−log P(y|x))/∂W of the weights into each hidden layer "
            + "(first probe examples), during training; bottom axis in updates, top axis in the paper's epochs of 20k updates.", paper, csv);
    }
}
