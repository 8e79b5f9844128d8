using Glorot.Lab.Figures;
using Glorot.IO;

namespace Glorot.Lab.Experiments;

/// <summary>The figures of <see cref="He2015Suite"/>.</summary>
internal static class He2015Figures
{
    /// <summary>The activation-std figure's CSV: per initialization and layer, the measured and predicted std.</summary>
    private static readonly CsvSchema StdColumns = new("he2015-activation-std.csv",
        new("init", CsvKind.Text), new("layer", CsvKind.Integer), new("std", CsvKind.Number), new("predicted_std", CsvKind.Number));

    /// <summary>The test-error figure's CSV: per initialization and evaluation, the errors as fractions.</summary>
    private static readonly CsvSchema ErrorColumns = new("he2015-test-error.csv",
        new("init", CsvKind.Text), new("step", CsvKind.Integer), new("test_error", CsvKind.Number), new("validation_error", CsvKind.Number));

    /// <summary>Activation std per layer at initialization, log10 axis, with the predicted slopes.</summary>
    public static FigureFile ActivationStd(string directory, He2015Evidence xavier, He2015Evidence he)
    {
        var plot = FigureStyle.NewPlot("Activation std per layer at initialization (ReLU)", "hidden layer", "std of z");
        var csv = new FigureCsv(StdColumns);
        foreach (var (run, color, factor) in new[] { (xavier, ScottPlot.Colors.OrangeRed, 1 / Math.Sqrt(2)), (he, ScottPlot.Colors.SteelBlue, 1.0) })
        {
            double[] layers = [.. Enumerable.Range(1, run.ActivationStd.Length).Select(l => (double)l)];
            // The prediction starts from the measured layer 1 (whose input is the data, not a ReLU layer) and applies the factor per layer.
            double[] predicted = [.. layers.Select(l => run.ActivationStd[0] * Math.Pow(factor, l - 1))];
            var line = plot.Add.Scatter(layers, [.. predicted.Select(Math.Log10)]);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{run.Init}: predicted ×{factor:0.###} per layer";
            var points = plot.Add.Scatter(layers, [.. run.ActivationStd.Select(Math.Log10)]);
            points.Color = color;
            points.LineWidth = 0;
            points.MarkerSize = 7;
            points.LegendText = $"{run.Init}: measured";
            for (int l = 0; l < layers.Length; l++) csv.Add(run.Init, l + 1, run.ActivationStd[l], predicted[l]);
        }
        FigureStyle.LogY(plot);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "he2015-activation-std", "Activation std at initialization",
            "Std of each hidden layer's ReLU output at update 0 on the probe examples (dots), and the prediction from layer 1: ×1/√2 per layer for Xavier, ×1 for He (lines); log10 axis.",
            "He et al. 2015 §2.2: with ReLU, Var(W) = 1/n halves the variance per layer; Var(W) = 2/n keeps it.", csv);
    }

    /// <summary>Test error over updates of both runs.</summary>
    public static FigureFile TestError(string directory, He2015Evidence xavier, He2015Evidence he)
    {
        var plot = FigureStyle.NewPlot("Test error over training, 30-layer ReLU MLP", "updates", "test error (%)");
        var csv = new FigureCsv(ErrorColumns);
        foreach (var (run, color) in new[] { (xavier, ScottPlot.Colors.OrangeRed), (he, ScottPlot.Colors.SteelBlue) })
        {
            var line = plot.Add.Scatter(run.Metrics.Select(m => (double)m.Step).ToArray(), run.Metrics.Select(m => 100 * m.TestError).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 4;
            line.LegendText = run.Init;
            foreach (var m in run.Metrics) csv.Add(run.Init, m.Step, m.TestError, m.ValidationError);
        }
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, "he2015-test-error", "Test error over training",
            "Test error (first evaluation examples of the test split) every evaluation interval, Xavier vs He initialization, same seed and data stream.",
            "He et al. 2015 Fig. 3: the 30-layer network with Xavier init does not learn; with He init it converges.", csv);
    }
}
