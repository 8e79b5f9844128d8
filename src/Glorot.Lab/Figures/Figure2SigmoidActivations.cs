using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// Fig. 2: mean (line) and standard deviation (vertical bars) of the sigmoid activation values of each hidden layer
/// during learning, over the fixed probe examples; 4 hidden layers, standard initialization.
/// </summary>
internal static class Figure2SigmoidActivations
{
    /// <summary>The figure's CSV: per probe and hidden layer, the activations' mean and std; epoch = step in the paper's epochs.</summary>
    private static readonly CsvSchema Columns = new("fig2-sigmoid-activations.csv",
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("mean", CsvKind.Number), new("std", CsvKind.Number), new("epoch", CsvKind.Number));

    /// <summary>Draws the figure from the sigmoid run's probes.</summary>
    public static FigureFile Draw(RunDirectory run, string directory)
    {
        var rows = RunTables.Probes(run).Where(r => r.Quantity == "activation").ToList();
        int layers = rows.Max(r => r.Layer);
        var plot = FigureStyle.NewPlot("Fig. 2 — sigmoid, 4 layers, standard init", "updates", "activation value (mean ± std)");
        var csv = new FigureCsv(Columns);
        for (int layer = 1; layer <= layers; layer++)
        {
            var points = rows.Where(r => r.Layer == layer).OrderBy(r => r.Step).ToList();
            double[] xs = [.. points.Select(p => (double)p.Step)], means = [.. points.Select(p => p.Mean)], stds = [.. points.Select(p => p.Std)];
            var color = FigureStyle.LayerColor(layer, layers);
            var line = plot.Add.Scatter(xs, means);
            line.Color = color;
            line.LegendText = $"Layer {layer}";
            var bars = plot.Add.ErrorBar(xs, means, stds);
            bars.Color = color;
            foreach (var p in points) csv.Add(p.Step, layer, p.Mean, p.Std, p.Step / FigureStyle.UpdatesPerEpoch);
        }
        plot.ShowLegend(ScottPlot.Edge.Right); // outside the axes: a legend never covers data
        FigureStyle.EpochAxis(plot);
        plot.Axes.SetLimitsY(0, 1);
        return FigureStyle.Save(plot, directory, "fig2-sigmoid-activations", "Figure 2",
            "Mean (lines) and standard deviation (vertical bars) of each hidden layer's sigmoid outputs on the fixed probe examples, during training; bottom axis in updates, top axis in the paper's epochs of 20k updates.",
            "Layer 4 (top) falls to ≈0 within ≈2 epochs (40k updates) and stays there until ≈epoch 100 (2 M updates); layers 1–3 stay at ≈0.5/0.6/0.75.",
            csv);
    }
}
