using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>Overlaid per-layer density lines of one quantity at the first or the last probe of a run (Figs. 4, 6–8).</summary>
internal static class HistogramFigure
{
    /// <summary>The figure's CSV: per layer, each bin's edges and density.</summary>
    private static readonly CsvSchema Columns = new("histogram figure CSV",
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("low", CsvKind.Number), new("high", CsvKind.Number), new("density", CsvKind.Number));

    /// <summary>With the theory overlay: each bin's predicted densities too (empty where the run has no prediction).</summary>
    private static readonly CsvSchema TheoryColumns = new("histogram figure CSV",
        [.. Columns.Columns, new("mean_field_density", CsvKind.OptionalNumber), new("linear_density", CsvKind.OptionalNumber)]);

    /// <summary>
    /// Draws the measured densities; with <paramref name="theory"/>, also each layer's predicted density over the same
    /// bins (<see cref="TheoryOverlay.Density"/>): mean field dashed, eqs. 5–7 dotted, in the layer's colour, and as two
    /// more CSV columns.
    /// </summary>
    public static FigureFile Draw(RunDirectory run, string directory, string id, string figure, string title, string quantity,
        bool atEnd, string caption, string paper, bool theory = false)
    {
        var bins = RunTables.Histograms(run).Where(b => b.Quantity == quantity).ToList();
        long step = atEnd ? bins.Max(b => b.Step) : bins.Min(b => b.Step);
        bins = [.. bins.Where(b => b.Step == step)];
        int layers = bins.Max(b => b.Layer);
        var overlay = theory ? TheoryOverlay.Of(run, step) : null;
        var plot = FigureStyle.NewPlot($"{title} (update {step:N0})", quantity.Replace('_', ' ') + " value", "density");
        var csv = theory
            ? new FigureCsv(TheoryColumns)
            : new FigureCsv(Columns);
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = bins.Where(b => b.Layer == layer).OrderBy(b => b.Low).ToList();
            double[] centres = [.. points.Select(b => (b.Low + b.High) / 2)];
            var color = FigureStyle.LayerColor(layer, layers);
            var line = plot.Add.Scatter(centres, points.Select(b => b.Density).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"Layer {layer}";
            var predicted = overlay is null ? null : points.Select(b => overlay.Density(quantity, layer, b.Low, b.High)).ToList();
            if (predicted is not null)
            {
                AddPrediction(plot, centres, [.. predicted.Select(p => p.MeanField)], color, ScottPlot.LinePattern.Dashed, layer == 1 ? "mean field (dashed)" : null);
                AddPrediction(plot, centres, [.. predicted.Select(p => p.Linear)], color, ScottPlot.LinePattern.Dotted, layer == 1 ? "eqs. 5–7 (dotted)" : null);
            }
            for (int i = 0; i < points.Count; i++)
            {
                var b = points[i];
                if (theory) csv.Add(step, layer, b.Low, b.High, b.Density, predicted?[i].MeanField, predicted?[i].Linear);
                else csv.Add(step, layer, b.Low, b.High, b.Density);
            }
        }
        plot.ShowLegend(ScottPlot.Edge.Right); // outside the axes: a legend never covers data
        if (overlay is not null)
        {
            // The eqs. 5–7 Gaussians of the standard init are far narrower than what is measured in the upper layers;
            // keep the axes on the measured densities (×1.5) so the figure stays the paper's.
            double top = bins.Max(b => b.Density);
            plot.Axes.AutoScale();
            plot.Axes.SetLimitsY(0, top * 1.5);
        }
        return FigureStyle.Save(plot, directory, id, figure, overlay is null ? caption : caption + TheoryCaption, paper, csv);
    }

    private const string TheoryCaption = " Thin lines: the prediction for the same bins from the measured E[x²] and output-layer gradient — mean field " +
        "(Poole et al. 2016; z = φ(s), s ~ N(0, q)) dashed, Glorot & Bengio eqs. 5–7 (f′ = 1) dotted; gradients as Gaussians of the predicted std.";

    private static void AddPrediction(ScottPlot.Plot plot, double[] x, double[] y, ScottPlot.Color color, ScottPlot.LinePattern pattern, string? legend)
    {
        if (y.All(double.IsNaN)) return;
        var line = plot.Add.Scatter(x, y);
        line.Color = color;
        line.LineWidth = 1.2f;
        line.LinePattern = pattern;
        line.MarkerSize = 0;
        if (legend is not null) line.LegendText = legend;
    }
}
