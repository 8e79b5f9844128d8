using Glorot.Data;
using Glorot.IO;
using SkiaSharp;

namespace Glorot.Lab.Figures;

/// <summary>
/// A labelled grid of examples from a data set, like the paper's Figure 1 (5 rows × 10 columns of Shapeset
/// images): each image scaled up by whole pixels (no smoothing, so the rasterization is visible) with its class
/// name underneath.
/// </summary>
public static class DataPreview
{
    private const int Gap = 8;
    private const int LabelHeight = 18;
    private const int TitleHeight = 30;

    /// <summary>
    /// The grid of <paramref name="rows"/> × <paramref name="columns"/> examples from <paramref name="first"/> on (fewer
    /// when the split ends first), with its title: the split's name, the examples shown and Shapeset's seed.
    /// </summary>
    /// <exception cref="ArgumentException">A size outside 1 to 100, or <paramref name="first"/> outside the split.</exception>
    public static PreviewGrid Grid(IDataset data, int rows, int columns, long first)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows is < 1 or > 100 || columns is < 1 or > 100) throw new ArgumentException("--rows and --columns must be 1 to 100.");
        long count = Math.Min((long)rows * columns, data.Count - first);
        if (first < 0 || count <= 0)
            throw new ArgumentException($"--first {first} is outside {data.Name}, which has examples 0 to {data.Count - 1}.");
        string title = $"{data.Name}: examples {first}–{first + count - 1}" + (data is Shapeset shapeset ? $" (seed {shapeset.Seed})" : "");
        return new PreviewGrid([.. Enumerable.Range(0, (int)count).Select(k => first + k)], columns, title);
    }

    /// <summary>Draws <paramref name="grid"/> as a PNG at <paramref name="path"/>, each pixel <paramref name="scale"/>×<paramref name="scale"/>,
    /// and with <paramref name="csvPath"/> its examples' positions and labels as CSV (<see cref="Csv"/>).</summary>
    public static void Write(IDataset data, PreviewGrid grid, string path, int scale, string? csvPath = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        SavePng(data, grid.Indices, grid.Columns, path, scale, grid.Title);
        if (csvPath is not null) Glorot.IO.AtomicFile.WriteAllText(csvPath, Csv(data, grid.Indices, grid.Columns));
    }

    /// <summary>Draws examples <paramref name="indices"/> of <paramref name="data"/> in rows of
    /// <paramref name="columns"/>, each pixel <paramref name="scale"/>×<paramref name="scale"/>, and saves a PNG.</summary>
    public static void SavePng(IDataset data, IReadOnlyList<long> indices, int columns, string path, int scale = 4, string? title = null)
    {
        if (indices.Count == 0) throw new ArgumentException("Nothing to preview: no examples.");
        if (columns <= 0 || scale <= 0) throw new ArgumentException("Columns and scale must be positive.");
        var shape = data.Shape;
        int rows = (indices.Count + columns - 1) / columns;
        int tileWidth = Math.Max(shape.Width * scale, 96);
        int tileHeight = shape.Height * scale + LabelHeight;
        int width = Gap + columns * (tileWidth + Gap);
        int height = TitleHeight + rows * (tileHeight + Gap) + Gap;

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = Fonts.Sans();
        using var labelFont = new SKFont(typeface, 11);
        using var titleFont = new SKFont(typeface, 15);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title ?? data.Name, Gap, TitleHeight - 10, SKTextAlign.Left, titleFont, ink);

        var pixels = new byte[shape.Size];
        using var image = new SKBitmap(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var nearest = new SKPaint { IsAntialias = false };
        for (var k = 0; k < indices.Count; k++)
        {
            int label = data.CopyPixels(indices[k], pixels);
            for (var y = 0; y < shape.Height; y++)
                for (var x = 0; x < shape.Width; x++)
                    image.SetPixel(x, y, Colour(pixels, shape, y, x));

            int left = Gap + k % columns * (tileWidth + Gap), top = TitleHeight + k / columns * (tileHeight + Gap);
            int imageLeft = left + (tileWidth - shape.Width * scale) / 2;
            var target = new SKRect(imageLeft, top, imageLeft + shape.Width * scale, top + shape.Height * scale);
            using var tile = SKImage.FromBitmap(image);
            canvas.DrawImage(tile, target, new SKSamplingOptions(SKFilterMode.Nearest), nearest);
            canvas.DrawText(data.ClassNames[label], left + tileWidth / 2f, target.Bottom + LabelHeight - 5,
                SKTextAlign.Center, labelFont, ink);
        }

        using var png = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        // Through a temporary and a rename: a full disk leaves no truncated PNG behind.
        Glorot.IO.AtomicFile.Write(path, png.SaveTo);
    }

    // The preview's CSV: each tile's place in the grid, its example's index and label, and the class name (quoted).
    private static readonly CsvSchema PreviewColumns = new("data preview CSV",
        new("row", CsvKind.Integer), new("column", CsvKind.Integer), new("index", CsvKind.Integer), new("label", CsvKind.Integer),
        new("class", CsvKind.QuotedText));

    /// <summary>The numbers behind a preview: position in the grid, example index, label and class name, as CSV.</summary>
    public static string Csv(IDataset data, IReadOnlyList<long> indices, int columns)
    {
        var csv = PreviewColumns.NewTable();
        var pixels = new byte[data.InputSize];
        for (var k = 0; k < indices.Count; k++)
        {
            int label = data.CopyPixels(indices[k], pixels);
            PreviewColumns.AppendRow(csv, k / columns, k % columns, indices[k], label, data.ClassNames[label]);
        }
        return csv.ToString();
    }

    private static SKColor Colour(byte[] pixels, ImageShape shape, int y, int x)
    {
        int plane = shape.Height * shape.Width, at = y * shape.Width + x;
        if (shape.Channels >= 3) return new SKColor(pixels[at], pixels[plane + at], pixels[2 * plane + at]);
        byte v = pixels[at];
        return new SKColor(v, v, v);
    }
}

/// <summary>The examples of a preview (<see cref="DataPreview.Grid"/>), in rows of <see cref="Columns"/>, and its title.</summary>
/// <param name="Indices">The examples shown, in reading order.</param>
/// <param name="Columns">Examples per row.</param>
/// <param name="Title">The line above the grid.</param>
public sealed record PreviewGrid(IReadOnlyList<long> Indices, int Columns, string Title)
{
    /// <summary>Rows the examples fill (the last may be partial).</summary>
    public int Rows => (Indices.Count + Columns - 1) / Columns;
}
