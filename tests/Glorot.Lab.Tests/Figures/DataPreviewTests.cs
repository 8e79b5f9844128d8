using Glorot.Data;
using Glorot.Lab.Figures;
using SkiaSharp;

namespace Glorot.Lab.Tests.Figures;

public class DataPreviewTests
{
    [Fact]
    public void Each_tile_shows_the_examples_pixels_scaled_up_without_smoothing()
    {
        string path = Path.Combine(Path.GetTempPath(), $"glorot-preview-{Guid.NewGuid():N}.png");
        try
        {
            var data = Shapeset.Training(seed: 12);
            DataPreview.SavePng(data, [0, 1, 2, 3], columns: 2, path, scale: 4);
            using var bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            // Layout of DataPreview: 8-px gaps, tiles max(32·4, 96) = 128 wide, 30-px title, 18-px label rows.
            Assert.Equal(8 + 2 * (128 + 8), bitmap.Width);
            Assert.Equal(30 + 2 * (128 + 18 + 8) + 8, bitmap.Height);

            var pixels = new byte[1024];
            for (var k = 0; k < 4; k++)
            {
                data.Render(k, pixels);
                int left = 8 + k % 2 * 136, top = 30 + k / 2 * 154;
                foreach (var (y, x) in new[] { (0, 0), (5, 17), (16, 16), (31, 31), (20, 3) })
                    for (var dy = 0; dy < 4; dy++)
                        for (var dx = 0; dx < 4; dx++)
                        {
                            var colour = bitmap.GetPixel(left + 4 * x + dx, top + 4 * y + dy);
                            Assert.Equal(pixels[y * 32 + x], colour.Red);
                            Assert.Equal(colour.Red, colour.Blue);
                        }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Csv_lists_position_index_and_label_of_each_tile()
    {
        var data = Shapeset.Training(seed: 12);
        var lines = DataPreview.Csv(data, [5, 9, 11], columns: 2).TrimEnd().Split('\n');
        Assert.Equal("row,column,index,label,class", lines[0]);
        Assert.Equal($"1,0,11,{data.Label(11)},\"{ShapesetClasses.Names[data.Label(11)]}\"", lines[3]);
    }

    [Fact]
    public void The_grid_stops_at_the_end_of_a_split_and_refuses_a_first_outside_it()
    {
        var data = new ArrayDataset("five", new ImageShape(1, 1, 1), ["a", "b"], new byte[5], [0, 1, 0, 1, 0], PixelNormalization.ZeroOne);
        var grid = DataPreview.Grid(data, rows: 2, columns: 2, first: 2);
        Assert.Equal([2L, 3L, 4L], grid.Indices);
        Assert.Equal(2, grid.Rows);
        Assert.Equal("five: examples 2–4", grid.Title);
        Assert.EndsWith(": examples 0–9 (seed 12)", DataPreview.Grid(Shapeset.Training(seed: 12), 2, 5, 0).Title);
        Assert.Contains("--first 5 is outside five", Assert.Throws<ArgumentException>(() => DataPreview.Grid(data, 1, 1, 5)).Message);
        Assert.Throws<ArgumentException>(() => DataPreview.Grid(data, 1, 1, -1));
        Assert.Throws<ArgumentException>(() => DataPreview.Grid(data, 0, 1, 0));
        Assert.Throws<ArgumentException>(() => DataPreview.Grid(data, 1, 101, 0));
    }
}
