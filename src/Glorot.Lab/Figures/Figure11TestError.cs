using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// Fig. 11: test error during online learning on Shapeset-3×2, one curve per network; on another data set the same
/// curves are Fig. 12 (MNIST, CIFAR-10; for Fashion-MNIST a stand-in for its MNIST panel).
/// </summary>
internal static class Figure11TestError
{
    /// <summary>The figure's CSV with one seed per network: per evaluation, the test error in percent.</summary>
    private static readonly CsvSchema Columns = new("test-error figure CSV",
        new("network", CsvKind.Text), new("step", CsvKind.Integer), new("examples_seen", CsvKind.Integer), new("test_error_percent", CsvKind.Number));

    /// <summary>With several seeds: the mean over seeds, their sample std and the number of seeds.</summary>
    private static readonly CsvSchema SeedColumns = new("test-error figure CSV",
        [.. Columns.Columns, new("test_error_std_percent", CsvKind.Number), new("seeds", CsvKind.Integer)]);

    /// <summary>Draws the curves of <paramref name="runs"/> (label, directory).</summary>
    public static FigureFile Draw(IReadOnlyList<(string Label, RunDirectory Run)> runs, string directory, string paper) =>
        Draw([.. runs.Select(r => (r.Label, (IReadOnlyList<RunDirectory>)[r.Run]))], directory, paper);

    /// <summary>
    /// Draws one curve per network of <paramref name="runs"/> (label, one directory per seed): with several seeds the
    /// mean over seeds with ± one sample standard deviation as error bars, at the steps every seed evaluated.
    /// </summary>
    public static FigureFile Draw(IReadOnlyList<(string Label, IReadOnlyList<RunDirectory> Seeds)> runs, string directory, string paper,
        SuiteDataset? data = null)
    {
        data ??= SuiteDataset.Shapeset;
        bool seeds = runs.Any(r => r.Seeds.Count > 1);
        string title = data.IsShapeset ? "Fig. 11 — test error on Shapeset-3×2"
            : data.IsStandIn ? "Fig. 12 stand-in — test error on Fashion-MNIST (not in the paper)"
            : $"Fig. 12 — test error on {data.Title}";
        var plot = FigureStyle.NewPlot(title, "examples seen", seeds ? "test error (%), mean ± std over seeds" : "test error (%)");
        var csv = seeds
            ? new FigureCsv(SeedColumns)
            : new FigureCsv(Columns);
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < runs.Count; i++)
        {
            var perSeed = runs[i].Seeds.Select(RunTables.Metrics).ToList();
            var steps = perSeed.Select(rows => rows.Select(r => r.Step)).Aggregate((a, b) => a.Intersect(b)).Order().ToList();
            var points = steps.Select(step =>
            {
                var errors = perSeed.Select(rows => 100 * rows.First(r => r.Step == step).TestError).ToList();
                double mean = errors.Average();
                double std = errors.Count > 1 ? Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Count - 1)) : 0;
                return (Step: step, Examples: perSeed[0].First(r => r.Step == step).ExamplesSeen, Mean: mean, Std: std);
            }).ToList();
            double[] xs = [.. points.Select(p => (double)p.Examples)], ys = [.. points.Select(p => p.Mean)];
            var line = plot.Add.Scatter(xs, ys);
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.LegendText = runs[i].Label;
            if (seeds)
            {
                var bars = plot.Add.ErrorBar(xs, ys, [.. points.Select(p => p.Std)]);
                bars.Color = palette.GetColor(i);
                foreach (var p in points) csv.Add(runs[i].Label, p.Step, p.Examples, p.Mean, p.Std, runs[i].Seeds.Count);
            }
            else
                foreach (var p in points) csv.Add(runs[i].Label, p.Step, p.Examples, p.Mean);
        }
        // Shapeset's classes are unbalanced (chance 5/6); the 10-class sets are near balanced, and their curves sit far below 90 %.
        if (data.IsShapeset)
        {
            var chance = plot.Add.HorizontalLine(100.0 * 5 / 6);
            chance.LinePattern = ScottPlot.LinePattern.Dashed;
            chance.Color = ScottPlot.Colors.Gray;
            chance.LegendText = "chance (constant predictor, 83.3 %)";
        }
        plot.ShowLegend(ScottPlot.Edge.Right); // outside the data: the curves cross everywhere
        return FigureStyle.Save(plot, directory, data.IsShapeset ? "fig11-test-error" : $"fig12-test-error-{data.Name}", $"Figure {data.TestErrorFigure}",
            seeds ? "Test error (%) against examples seen (10 per update), on the fixed test examples: mean ± one standard deviation over seeds."
                  : "Test error (%) against examples seen (10 per update), on the fixed test examples.", paper, csv, wide: true);
    }
}
