using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>Overlaid per-layer density lines of one quantity at the first or the last probe of a run (Figs. 4, 6–8).</summary>
internal static class HistogramFigure
{
    public static FigureFile Draw(RunDirectory run, string directory, string id, string figure, string title, string quantity,
        bool atEnd, string caption, string paper)
    {
        var bins = RunTables.Histograms(run).Where(b => b.Quantity == quantity).ToList();
        long step = atEnd ? bins.Max(b => b.Step) : bins.Min(b => b.Step);
        bins = [.. bins.Where(b => b.Step == step)];
        int layers = bins.Max(b => b.Layer);
        var plot = FigureStyle.NewPlot($"{title} (update {step:N0})", quantity.Replace('_', ' ') + " value", "density");
        var csv = new Csv("step", "layer", "low", "high", "density");
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = bins.Where(b => b.Layer == layer).OrderBy(b => b.Low).ToList();
            var line = plot.Add.Scatter(points.Select(b => (b.Low + b.High) / 2).ToArray(), points.Select(b => b.Density).ToArray());
            line.Color = FigureStyle.LayerColor(layer, layers);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"Layer {layer}";
            foreach (var b in points) csv.Add(step, layer, b.Low, b.High, b.Density);
        }
        plot.ShowLegend(ScottPlot.Edge.Right); // outside the axes: a legend never covers data
        return FigureStyle.Save(plot, directory, id, figure, caption, paper, csv);
    }
}
