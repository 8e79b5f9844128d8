using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>Fig. 9: standard deviation of the weight gradients of each layer during learning (log scale), tanh standard vs normalized.</summary>
public static class Figure9WeightGradientStd
{
    /// <summary>Draws one panel (one initialization).</summary>
    public static FigureFile Draw(RunDirectory run, string directory, string init, string paper)
    {
        var rows = RunTables.Probes(run).Where(r => r.Quantity == "weight_gradient").ToList();
        int layers = rows.Max(r => r.Layer);
        var plot = FigureStyle.NewPlot($"Fig. 9 — weight-gradient std during training, tanh {init}", "updates", "std of per-example ∂C/∂W (log scale)");
        FigureStyle.LogY(plot);
        var csv = new Csv("step", "layer", "std");
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = rows.Where(r => r.Layer == layer && r.Std > 0).OrderBy(r => r.Step).ToList();
            var line = plot.Add.Scatter(points.Select(p => (double)p.Step).ToArray(), points.Select(p => Math.Log10(p.Std)).ToArray());
            line.Color = FigureStyle.LayerColor(layer, layers);
            line.LineWidth = 2;
            line.LegendText = $"Layer {layer}";
            foreach (var p in points) csv.Add(p.Step, layer, p.Std);
        }
        plot.ShowLegend();
        return FigureStyle.Save(plot, directory, $"fig9-weight-gradient-std-{init}", "Figure 9",
            "Standard deviation of the per-example weight gradients ∂(−log P(y|x))/∂W of the weights into each hidden layer (first probe examples), during training.", paper, csv);
    }
}
