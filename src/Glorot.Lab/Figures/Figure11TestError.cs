using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>Fig. 11: test error during online learning on Shapeset-3×2, one curve per network.</summary>
public static class Figure11TestError
{
    /// <summary>Draws the curves of <paramref name="runs"/> (label, directory).</summary>
    public static FigureFile Draw(IReadOnlyList<(string Label, RunDirectory Run)> runs, string directory, string paper)
    {
        var plot = FigureStyle.NewPlot("Fig. 11 — test error on Shapeset-3×2", "examples seen", "test error (%)");
        var csv = new Csv("network", "step", "examples_seen", "test_error_percent");
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < runs.Count; i++)
        {
            var rows = RunTables.Metrics(runs[i].Run);
            var line = plot.Add.Scatter(rows.Select(r => (double)r.ExamplesSeen).ToArray(), rows.Select(r => 100 * r.TestError).ToArray());
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.LegendText = runs[i].Label;
            foreach (var r in rows) csv.Add(runs[i].Label, r.Step, r.ExamplesSeen, 100 * r.TestError);
        }
        var chance = plot.Add.HorizontalLine(100.0 * 5 / 6);
        chance.LinePattern = ScottPlot.LinePattern.Dashed;
        chance.Color = ScottPlot.Colors.Gray;
        chance.LegendText = "chance (constant predictor, 83.3 %)";
        plot.ShowLegend(ScottPlot.Edge.Right); // outside the data: the curves cross everywhere
        return FigureStyle.Save(plot, directory, "fig11-test-error", "Figure 11",
            "Test error (%) against examples seen (10 per update), on the fixed test examples.", paper, csv);
    }
}
