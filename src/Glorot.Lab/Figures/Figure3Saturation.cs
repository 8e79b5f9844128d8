using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// Figs. 3 and 10: the 98 percentiles (markers alone: 1st and 99th percentile) and standard deviation (solid lines
/// with markers, drawn at ±std) of each hidden layer's activation values during learning.
/// </summary>
internal static class Figure3Saturation
{
    /// <summary>The figure's CSV: per probe and hidden layer, the activations' 1st and 99th percentiles and std.</summary>
    private static readonly CsvSchema Columns = new("fig3-saturation.csv",
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("p01", CsvKind.Number), new("p99", CsvKind.Number), new("std", CsvKind.Number));

    /// <summary>Draws the figure for one run (tanh or softsign, standard or normalized).</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string id, string figure, string title, string paper)
    {
        var rows = RunTables.Probes(run).Where(r => r.Quantity == "activation").ToList();
        int layers = rows.Max(r => r.Layer);
        var plot = FigureStyle.NewPlot(title, "updates", "activation value");
        var csv = new FigureCsv(Columns);
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = rows.Where(r => r.Layer == layer).OrderBy(r => r.Step).ToList();
            double[] xs = [.. points.Select(p => (double)p.Step)];
            var color = FigureStyle.LayerColor(layer, layers);
            foreach (var ys in new[] { points.Select(p => p.P99), points.Select(p => p.P01) })
            {
                var markers = plot.Add.Scatter(xs, [.. ys]);
                markers.Color = color;
                markers.LineWidth = 0;
                markers.MarkerSize = 7;
            }
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                var line = plot.Add.Scatter(xs, [.. points.Select(p => sign * p.Std)]);
                line.Color = color;
                line.LineWidth = 2;
                line.MarkerSize = 4;
                if (sign > 0) line.LegendText = $"Layer {layer}";
            }
            foreach (var p in points) csv.Add(p.Step, layer, p.P01, p.P99, p.Std);
        }
        plot.ShowLegend(ScottPlot.Edge.Right); // outside the axes: a legend never covers data
        FigureStyle.EpochAxis(plot);
        plot.Axes.SetLimitsY(-1.05, 1.05);
        return FigureStyle.Save(plot, directory, id, figure,
            "1st/99th percentiles (markers alone) and ±standard deviation (lines with markers) of each hidden layer's activations on the fixed probe examples, during training.",
            paper, csv);
    }
}
