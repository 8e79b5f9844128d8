using ScottPlot;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// Fig. 5: cross-entropy (left) and quadratic cost (right) of a one-hidden-layer tanh network as functions of one
/// first-layer weight w₁ and one output weight w₂ (<see cref="CostSurface"/>), as colour maps with contour lines.
/// </summary>
internal static class Figure5CostSurface
{
    /// <summary>The figure's CSV: both costs at each point (w1, w2) of the grid.</summary>
    private static readonly CsvSchema Columns = new("fig5-cost-surfaces.csv",
        new("w1", CsvKind.Number), new("w2", CsvKind.Number), new("cross_entropy", CsvKind.Number), new("quadratic", CsvKind.Number));

    /// <summary>The network of the figure: one random example, 4 inputs, 8 hidden units, seed 5 (<see cref="CostSurface.Network.Random"/>).</summary>
    public static CostSurface.Network Network() => CostSurface.Network.Random(examples: 1, inputs: 4, hidden: 8, seed: 5);

    /// <summary>Computes the surfaces (a fraction of a second) and draws them side by side.</summary>
    public static FigureFile Draw(string directory, int points = 81)
    {
        var surface = CostSurface.Compute(Network(), points);
        Plot[] panels = [Panel(surface.CrossEntropy, surface, "Fig. 5 — cross-entropy −log P(y|x)"),
            Panel(surface.Quadratic, surface, "Fig. 5 — quadratic ½‖P(·|x) − y‖²")];

        var csv = new FigureCsv(Columns);
        for (int i = 0; i < surface.W2.Length; i++)
            for (int j = 0; j < surface.W1.Length; j++)
                csv.Add(surface.W1[j], surface.W2[i], surface.CrossEntropy[i, j], surface.Quadratic[i, j]);
        Directory.CreateDirectory(directory);
        const string id = "fig5-cost-surfaces";
        string stem = Path.Combine(directory, id);
        SaveSideBySide(panels, stem);
        csv.Save(stem + ".csv");
        return new FigureFile(id, "Figure 5",
            "Cost of a tanh network with one hidden layer (4 inputs, 8 hidden units, softmax over 2 classes, one random example and target) "
            + $"as a function of one first-layer weight w1 and one output weight w2 over [−4, 4]², every other weight fixed and random. Plateau "
            + $"(slope < {CostSurface.PlateauSlope} × the surface's average slope, > {CostSurface.PlateauHeight} × its range above its minimum): "
            + $"{100 * surface.PlateauFraction(CostSurface.Criterion.CrossEntropy):F1} % of the grid for cross-entropy, "
            + $"{100 * surface.PlateauFraction(CostSurface.Criterion.Quadratic):F1} % for the quadratic cost.",
            "Black top surface: cross-entropy (up to ≈5); red bottom surface: quadratic (≤ ≈1), with larger plateaus; both weights in [−4, 4].",
            stem + ".png", stem + ".svg", stem + ".csv", Wide: true);
    }

    // Two panels on one canvas, as PNG and SVG (ScottPlot's Multiplot writes no SVG).
    private static void SaveSideBySide(Plot[] panels, string stem)
    {
        int width = panels.Length * FigureStyle.Width, height = FigureStyle.Height;
        void Draw(SkiaSharp.SKCanvas canvas)
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            for (int k = 0; k < panels.Length; k++)
            {
                // A plot clears its canvas before drawing; the clip keeps each panel to its own half.
                canvas.Save();
                canvas.ClipRect(new SkiaSharp.SKRect(k * FigureStyle.Width, 0, (k + 1) * FigureStyle.Width, height));
                canvas.Translate(k * FigureStyle.Width, 0);
                panels[k].Render(canvas, FigureStyle.Width, height);
                canvas.Restore();
            }
        }
        using (var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height)))
        {
            Draw(surface.Canvas);
            using var png = surface.Snapshot().Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            Glorot.IO.AtomicFile.Write(stem + ".png", png.SaveTo);
        }
        Glorot.IO.AtomicFile.Write(stem + ".svg", file =>
        {
            using var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, width, height), file);
            Draw(canvas);
        });
    }

    private static Plot Panel(double[,] cost, CostSurface surface, string title)
    {
        var plot = FigureStyle.NewPlot(title, "w1 (first layer)", "w2 (output layer)");
        int rows = cost.GetLength(0), columns = cost.GetLength(1);
        // Heatmap rows run top to bottom; the grid's row 0 is the smallest w2.
        var flipped = new double[rows, columns];
        var points = new Coordinates3d[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                flipped[rows - 1 - i, j] = cost[i, j];
                points[i, j] = new Coordinates3d(surface.W1[j], surface.W2[i], cost[i, j]);
            }
        var map = plot.Add.Heatmap(flipped);
        map.Extent = new CoordinateRect(-CostSurface.Range, CostSurface.Range, -CostSurface.Range, CostSurface.Range);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(map);
        var contours = plot.Add.ContourLines(points, 12);
        contours.LineColor = Colors.White.WithAlpha(0.7);
        plot.Axes.SetLimits(-CostSurface.Range, CostSurface.Range, -CostSurface.Range, CostSurface.Range);
        return plot;
    }
}
