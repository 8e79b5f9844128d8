using System.Globalization;
using Glorot.Lab.Figures;
using Glorot.IO;

namespace Glorot.Lab.Experiments;

/// <summary>The figures of <see cref="SignalSuite"/>: measured markers, predicted lines, log10 axes.</summary>
internal static class SignalFigures
{
    /// <summary>The ratio figure's CSV: per activation and n·Var(W), the measured and predicted layer-to-layer ratio.</summary>
    private static readonly CsvSchema RatioColumns = new("signal ratio CSV",
        new("activation", CsvKind.Text), new("n_var_w", CsvKind.Number), new("measured_ratio", CsvKind.Number), new("predicted_ratio", CsvKind.Number));

    /// <summary>The std-by-layer figure's CSV: per n·Var(W) and layer, the measured and predicted std.</summary>
    private static readonly CsvSchema StdColumns = new("signal std CSV",
        new("activation", CsvKind.Text), new("n_var_w", CsvKind.Number), new("layer", CsvKind.Integer), new("measured_std", CsvKind.Number), new("predicted_std", CsvKind.Number));

    /// <summary>The singular-value figure's CSV: per n·Var(W), the product's singular values by rank (1 = largest).</summary>
    private static readonly CsvSchema SingularValueColumns = new("signal singular values CSV",
        new("activation", CsvKind.Text), new("n_var_w", CsvKind.Number), new("rank", CsvKind.Integer), new("singular_value", CsvKind.Number));

    private static readonly ScottPlot.Color[] ActivationColors = [ScottPlot.Colors.Black, ScottPlot.Colors.SteelBlue, ScottPlot.Colors.OrangeRed];

    /// <summary>Std at the top layer over the bottom layer's (signal), or bottom over top (gradient), against n·Var(W).</summary>
    public static FigureFile DepthRatio(string directory, IReadOnlyList<SignalTrace> traces, bool gradient)
    {
        string what = gradient ? "gradient std, layer 1 / top layer" : "signal std, top layer / layer 1";
        var plot = FigureStyle.NewPlot(gradient ? "Gradient through depth vs n·Var(W)" : "Signal through depth vs n·Var(W)", "n·Var(W)", what);
        var csv = new FigureCsv(RatioColumns);
        int i = 0;
        foreach (var (name, _) in SignalSuite.Activations)
        {
            var rows = traces.Where(t => t.Activation == name).OrderBy(t => t.Gain).ToList();
            double[] xs = [.. rows.Select(t => t.Gain)];
            double[] measured = [.. rows.Select(t => gradient ? t.GradientStd[0] / t.GradientStd[^1] : t.ActivationStd[^1] / t.ActivationStd[0])];
            double[] predicted = [.. rows.Select(t => gradient ? t.PredictedGradientStd[0] / t.PredictedGradientStd[^1] : t.PredictedActivationStd[^1] / t.PredictedActivationStd[0])];
            var line = plot.Add.Scatter(xs, [.. predicted.Select(Math.Log10)]);
            line.Color = ActivationColors[i];
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{name}, predicted";
            var points = plot.Add.Scatter(xs, [.. measured.Select(Math.Log10)]);
            points.Color = ActivationColors[i];
            points.LineWidth = 0;
            points.MarkerSize = 9;
            points.LegendText = $"{name}, measured";
            for (int k = 0; k < rows.Count; k++) csv.Add(name, xs[k], measured[k], predicted[k]);
            i++;
        }
        var one = plot.Add.HorizontalLine(0);
        one.Color = ScottPlot.Colors.Gray;
        FigureStyle.LogY(plot);
        plot.ShowLegend(ScottPlot.Edge.Right);
        string id = gradient ? "signal-gradient-ratio" : "signal-activation-ratio";
        return FigureStyle.Save(plot, directory, id, gradient ? "Gradient ratio vs n·Var(W)" : "Signal ratio vs n·Var(W)",
            $"Ratio of the {(gradient ? "back-propagated gradient's std at layer 1 to the top layer's" : "top hidden layer's output std to layer 1's")} over the whole depth, against n·Var(W): measured (dots) and predicted by eqs. 5–6 with each activation's q-map (lines); log10 axis, 1 = preserved (grey).",
            "Below the critical value the signal vanishes, above it explodes; critical is n·Var(W) = 1 for linear units, 2 for ReLU (He et al. 2015). Tanh saturates instead of exploding.", csv);
    }

    /// <summary>Per-layer std of the signal (or gradient) of one activation, one line per n·Var(W).</summary>
    public static FigureFile Profile(string directory, IReadOnlyList<SignalTrace> traces, string activation, bool gradient)
    {
        var rows = traces.Where(t => t.Activation == activation).OrderBy(t => t.Gain).ToList();
        var plot = FigureStyle.NewPlot($"{activation}: {(gradient ? "gradient ∂C/∂s" : "signal z")} std per layer", "hidden layer", gradient ? "std of ∂C/∂s" : "std of z");
        var csv = new FigureCsv(StdColumns);
        for (int k = 0; k < rows.Count; k++)
        {
            var t = rows[k];
            double[] measured = gradient ? t.GradientStd : t.ActivationStd, predicted = gradient ? t.PredictedGradientStd : t.PredictedActivationStd;
            double[] layers = [.. Enumerable.Range(1, measured.Length).Select(l => (double)l)];
            var color = FigureStyle.LayerColor(k + 1, rows.Count);
            var line = plot.Add.Scatter(layers, [.. predicted.Select(Math.Log10)]);
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"n·Var(W) = {t.Gain}");
            var points = plot.Add.Scatter(layers, [.. measured.Select(Math.Log10)]);
            points.Color = color;
            points.LineWidth = 0;
            points.MarkerSize = 5;
            for (int l = 0; l < measured.Length; l++) csv.Add(activation, t.Gain, l + 1, measured[l], predicted[l]);
        }
        FigureStyle.LogY(plot);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, $"signal-{activation}-{(gradient ? "gradient" : "activation")}-std",
            $"{activation}: {(gradient ? "gradient" : "signal")} per layer",
            $"Std of {(gradient ? "the per-example back-propagated gradient ∂C/∂s" : "each hidden layer's output z")} at every layer of a random {activation} network, one colour per n·Var(W): measured (dots), predicted (lines); log10 axis.",
            gradient ? "Eq. 6: the gradient is multiplied by n·Var(W) (times E[φ′²]) per layer crossed, from the top down." : "Eq. 5: the signal's variance is multiplied by n·Var(W) (through the activation) per layer.", csv);
    }

    /// <summary>Sorted singular values of the end-to-end Jacobian of one activation, one line per n·Var(W).</summary>
    public static FigureFile SingularValues(string directory, IReadOnlyList<SignalTrace> traces, string activation, double critical)
    {
        var rows = traces.Where(t => t.Activation == activation).OrderBy(t => t.Gain).ToList();
        var plot = FigureStyle.NewPlot($"{activation}: singular values of the layer-to-layer product", "rank (largest first)", "σ_i of ∏ diag(φ′)·W");
        var csv = new FigureCsv(SingularValueColumns);
        for (int k = 0; k < rows.Count; k++)
        {
            var t = rows[k];
            // Values below 1e-15 of the largest are double-precision rounding, not the product's spectrum.
            double floor = t.SingularValues[0] * 1e-15;
            var kept = t.SingularValues.TakeWhile(s => s > floor).ToArray();
            double[] ranks = [.. Enumerable.Range(1, kept.Length).Select(r => (double)r)];
            var line = plot.Add.Scatter(ranks, kept.Select(Math.Log10).ToArray());
            line.Color = FigureStyle.LayerColor(k + 1, rows.Count);
            line.LineWidth = t.Gain == critical ? 4 : 2;
            line.MarkerSize = 0;
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"n·Var(W) = {t.Gain}{(t.Gain == critical ? " (critical)" : "")}");
            for (int r = 0; r < t.SingularValues.Length; r++) csv.Add(activation, t.Gain, r + 1, t.SingularValues[r]);
        }
        var one = plot.Add.HorizontalLine(0);
        one.Color = ScottPlot.Colors.Gray;
        FigureStyle.LogY(plot);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return FigureStyle.Save(plot, directory, $"signal-{activation}-singular-values", $"{activation}: singular values of the product",
            $"Singular values of J = ∏ diag(φ′(s_l))·W_l from the input to the top hidden layer (first example), largest first, one line per n·Var(W); σ > 1 (above the grey line) expands a direction, σ < 1 shrinks it. Values under 1e-15 of the largest (double rounding) are not drawn; the CSV has them all.",
            "Small weights shrink every direction; large weights expand most; at the critical value the mean of σ² is 1 but the spectrum spreads over many decades on both sides.", csv);
    }
}
