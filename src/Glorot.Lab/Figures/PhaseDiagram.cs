using Glorot.Theory;
using ScottPlot;
using Glorot.IO;

namespace Glorot.Lab.Figures;

/// <summary>
/// The order-to-chaos phase diagram of a wide random network (Poole et al. 2016 Fig. 2; Schoenholz et al. 2017 Fig. 1):
/// over (σ_w², σ_b²), the depth scale ξ_c as colour and the edge of chaos χ₁ = 1 as a line.
/// </summary>
public static class PhaseDiagram
{
    /// <summary>The figure's CSV: ξ_c at each grid cell (boundary 0), then the points of the order–chaos boundary (ξ_c = ∞, boundary 1).</summary>
    private static readonly CsvSchema Columns = new("phase diagram CSV",
        new("sigma_w2", CsvKind.Number), new("sigma_b2", CsvKind.Number), new("xi_c", CsvKind.Number), new("boundary", CsvKind.Integer));

    /// <summary>ξ_c is drawn as log10 of at most this many layers (it diverges at the edge).</summary>
    public const double MaxDepthScale = 1000;

    /// <summary>Refuses ranges and grids <see cref="Draw"/> cannot draw, before anything is computed.</summary>
    /// <exception cref="ArgumentException">A range is not positive, or the grid is outside 4 to 200 cells a side.</exception>
    public static void Check(double maxSigmaW2, double maxSigmaB2, int grid)
    {
        if (!(maxSigmaW2 > 0) || !(maxSigmaB2 > 0)) throw new ArgumentException("The diagram's σ_w² and σ_b² ranges must be positive.");
        if (grid < 4 || grid > 200) throw new ArgumentException($"A grid of {grid} cells a side; use 4 to 200.");
    }

    /// <summary>
    /// Computes ξ_c at the centres of a <paramref name="grid"/> × <paramref name="grid"/> lattice on
    /// (0, <paramref name="maxSigmaW2"/>] × (0, <paramref name="maxSigmaB2"/>], the boundary, and saves PNG, SVG and CSV
    /// as <paramref name="directory"/>/<paramref name="id"/>.*. Cells where the q-map diverges (no q*) stay blank.
    /// </summary>
    public static FigureFile Draw(Activation phi, double maxSigmaW2, double maxSigmaB2, int grid, string directory, string id)
    {
        Check(maxSigmaW2, maxSigmaB2, grid);
        var xi = new double[grid, grid];
        // Cells are independent: one row of σ_b² per task, each cell its own deterministic quadrature.
        Parallel.For(0, grid, i =>
        {
            double sb2 = (i + 0.5) / grid * maxSigmaB2;
            for (int j = 0; j < grid; j++)
            {
                double sw2 = (j + 0.5) / grid * maxSigmaW2;
                try { xi[i, j] = DepthScales.Of(phi, sw2, sb2).XiC; }
                catch (ArgumentException) { xi[i, j] = double.NaN; }
            }
        });
        var csv = new FigureCsv(Columns);
        var plot = FigureStyle.NewPlot($"Edge of chaos, {phi}: ξ_c (layers, log10 colour)", "σ_w² = fan-in·Var[W]", "σ_b²");
        // Heatmap rows run top to bottom; row 0 of the grid is the smallest σ_b².
        var flipped = new double[grid, grid];
        for (int i = 0; i < grid; i++)
            for (int j = 0; j < grid; j++)
            {
                double value = xi[i, j];
                flipped[grid - 1 - i, j] = double.IsNaN(value) ? double.NaN : Math.Log10(Math.Clamp(value, 1e-3, MaxDepthScale));
                csv.Add((j + 0.5) / grid * maxSigmaW2, (i + 0.5) / grid * maxSigmaB2, value, 0);
            }
        var map = plot.Add.Heatmap(flipped);
        map.Extent = new CoordinateRect(0, maxSigmaW2, 0, maxSigmaB2);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Add.ColorBar(map).Label = "log10 ξ_c";
        // σ_b² spaced quadratically: near σ_b² = 0 the boundary runs almost flat in σ_b² (tanh: from σ_w² = 1 to 1.5
        // within σ_b² < 0.01), so even spacing would draw that stretch as one straight chord.
        var boundary = new List<CriticalPoint>();
        for (int i = 0; i <= 60; i++)
        {
            try { boundary.Add(EdgeOfChaos.At(phi, maxSigmaB2 * (i / 60.0) * (i / 60.0))); }
            catch (ArgumentException) { break; }
        }
        boundary.RemoveAll(p => p.SigmaW2 > maxSigmaW2);
        foreach (var p in boundary) csv.Add(p.SigmaW2, p.SigmaB2, double.PositiveInfinity, 1);
        if (boundary.Count > 1)
        {
            var line = plot.Add.Scatter(boundary.Select(p => p.SigmaW2).ToArray(), boundary.Select(p => p.SigmaB2).ToArray());
            line.Color = Colors.White;
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = "χ₁ = 1 (edge of chaos)";
            plot.ShowLegend(Alignment.UpperLeft);
        }
        plot.Axes.SetLimits(0, maxSigmaW2, 0, maxSigmaB2);
        return FigureStyle.Save(plot, directory, id, "Phase diagram",
            $"ξ_c = −1/ln χ_c over (σ_w², σ_b²) for {phi} (Schoenholz et al. 2017 eq. 9); left of the white line ordered " +
            "(gradients vanish), right of it chaotic (gradients explode); blank where the q-map diverges.",
            "Poole et al. 2016 Fig. 2; Schoenholz et al. 2017 Fig. 1", csv);
    }
}
