using System.Globalization;
using System.Text;
using ScottPlot;

namespace Glorot.Lab.Figures;

/// <summary>A saved figure: its files and the words around it in the report.</summary>
/// <param name="Id">Short id, also the file stem ("fig2-sigmoid").</param>
/// <param name="Title">The paper's figure it reproduces.</param>
/// <param name="Caption">What is drawn.</param>
/// <param name="Paper">What the paper shows (read off its figure), to compare with.</param>
/// <param name="Png">PNG file.</param>
/// <param name="Svg">SVG file.</param>
/// <param name="Csv">The numbers behind it.</param>
/// <param name="Wide">Drawn wide: the report gives it the page's full width (Fig. 11, where many curves cross).</param>
public sealed record FigureFile(string Id, string Title, string Caption, string Paper, string Png, string Svg, string Csv, bool Wide = false);

/// <summary>
/// Conventions shared by every figure: layers in a sequential viridis colour, the
/// same layer → colour in every figure, density histograms as overlaid lines, log10 axes for gradient scales; each
/// figure saved as PNG and SVG with its data as CSV.
/// </summary>
internal static class FigureStyle
{
    /// <summary>Pixel size of saved figures.</summary>
    public const int Width = 720, Height = 480;

    /// <summary>Pixel width of a figure drawn across the report's full width (<see cref="FigureFile.Wide"/>).</summary>
    public const int WideWidth = 1200;

    private static readonly Lock FontLock = new();
    private static string? _font;

    /// <summary>A new plot with the project's font.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (Font() is { } font) plot.Font.Set(font);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Colour of hidden layer <paramref name="layer"/> (1-based) of <paramref name="layers"/>: viridis, dark = low.</summary>
    public static Color LayerColor(int layer, int layers) =>
        new ScottPlot.Colormaps.Viridis().GetColor(layers <= 1 ? 0 : 0.9 * (layer - 1) / (layers - 1));

    /// <summary>
    /// Makes the left axis a log10 axis: data are plotted as log10(value) and each tick is labelled with the value
    /// itself (10^tick), so spans shorter than a decade still get labels; minor ticks follow the log spacing.
    /// </summary>
    public static void LogY(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => Math.Pow(10, y).ToString("G2", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The paper's unit on the x axis of Figs. 2, 3, 9, 10: "epochs of 20k mini-batch updates".</summary>
    public const double UpdatesPerEpoch = PaperScale.Epoch;

    /// <summary>
    /// Labels the top axis in the paper's epochs (updates / 20,000) over the same range as the bottom axis in updates,
    /// so a figure reads both ways. Call after every plottable is added.
    /// </summary>
    public static void EpochAxis(Plot plot)
    {
        plot.Axes.AutoScale();
        var range = plot.Axes.Bottom.Range;
        plot.Axes.SetLimitsX(range.Min, range.Max, plot.Axes.Top);
        plot.Axes.Top.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = x => (x / UpdatesPerEpoch).ToString("0.###", CultureInfo.InvariantCulture),
        };
        // The top axis gets no label (it would collide with the title): the bottom one says what both are.
        plot.Axes.Bottom.Label.Text = "updates (top axis: the paper's epochs of 20k updates)";
    }

    /// <summary>
    /// Saves <paramref name="plot"/> as DIR/ID.png and DIR/ID.svg and <paramref name="csv"/> as DIR/ID.csv;
    /// <paramref name="wide"/> draws it <see cref="WideWidth"/> pixels wide for the report's full width.
    /// </summary>
    public static FigureFile Save(Plot plot, string directory, string id, string title, string caption, string paper, FigureCsv csv, bool wide = false)
    {
        int width = wide ? WideWidth : Width;
        Directory.CreateDirectory(directory);
        string stem = Path.Combine(directory, id);
        // Through a temporary and a rename, as every results file (docs/LAB.md): a kill never leaves half a figure.
        Glorot.IO.AtomicFile.Write(stem + ".png", stream => stream.Write(plot.GetImageBytes(width, Height, ImageFormat.Png)));
        Glorot.IO.AtomicFile.WriteAllText(stem + ".svg", plot.GetSvgXml(width, Height));
        csv.Save(stem + ".csv");
        return new FigureFile(id, title, caption, paper, stem + ".png", stem + ".svg", stem + ".csv", wide);
    }

    // SkiaSharp's Linux build may lack fontconfig: register the font file Fonts finds, once.
    private static string? Font()
    {
        lock (FontLock)
        {
            if (_font is null)
            {
                _font = "";
                if (Fonts.SansFile() is { } sans)
                {
                    ScottPlot.Fonts.AddFontFile(sans.Family, sans.Path);
                    _font = sans.Family;
                }
            }
            return _font.Length == 0 ? null : _font;
        }
    }
}
