using Glorot.Data;
using Glorot.Random;

namespace Glorot.Tests.Data;

public class PygamePolygonFillTests
{
    private static byte[] Fill(int[] xs, int[] ys, int size = 12)
    {
        var image = new byte[size * size];
        PygamePolygonFill.Fill(image, size, size, xs, ys, 1);
        return image;
    }

    [Fact]
    public void Square_fills_its_closed_extent_inclusive_of_both_edges()
    {
        // Rows 1…4 cross the vertical edges at x = 1 and 5 (half-open rule), the last row 5 is added by the
        // closing rule, and spans are inclusive: pygame's well-known 5×5 fill for corners (1,1)–(5,5).
        var image = Fill([1, 5, 5, 1], [1, 1, 5, 5]);
        for (var y = 0; y < 12; y++)
            for (var x = 0; x < 12; x++)
                Assert.Equal(x is >= 1 and <= 5 && y is >= 1 and <= 5 ? 1 : 0, image[y * 12 + x]);
    }

    [Fact]
    public void A_single_lowest_vertex_draws_no_pixel_on_its_row()
    {
        // Both crossings of the last row meet at the apex: a span of width 0 is skipped.
        var image = Fill([2, 8, 5], [2, 2, 8]);
        for (var x = 0; x < 12; x++) Assert.Equal(0, image[8 * 12 + x]);
        Assert.Equal(1, image[2 * 12 + 2]);
        Assert.Equal(1, image[2 * 12 + 8]);
    }

    [Fact]
    public void Crossings_truncate_toward_zero_in_integer_arithmetic()
    {
        // Edge (0,0)→(3,4): at row 1 the crossing is 1·3/4 = 0 (not 0.75 rounded to 1).
        var image = Fill([0, 3, 9], [0, 4, 0]);
        Assert.Equal(1, image[1 * 12 + 0]);
    }

    [Fact]
    public void Random_convex_polygons_cover_their_interior_and_nothing_beyond_one_pixel()
    {
        // Pixel (x, y) samples the point (x, y) on its row, up to the truncation of the crossing (< 1 px): every
        // point deeper than 1.5 px inside is filled and every filled point lies within 1.5 px of the polygon.
        var rng = new RandomStream(seed: 11, stream: 0);
        const int size = 40;
        for (var trial = 0; trial < 300; trial++)
        {
            int n = 3 + rng.NextInt(10);
            double cx = 20, cy = 20, rx = 4 + 14 * rng.NextDouble(), ry = 4 + 14 * rng.NextDouble();
            double phase = rng.NextDouble() * 2 * Math.PI;
            var xs = new int[n];
            var ys = new int[n];
            for (var k = 0; k < n; k++)
            {
                double a = phase + 2 * Math.PI * k / n;
                xs[k] = (int)(cx + rx * Math.Cos(a));
                ys[k] = (int)(cy + ry * Math.Sin(a));
            }
            var image = new byte[size * size];
            PygamePolygonFill.Fill(image, size, size, xs, ys, 1);
            for (var y = 0; y < size; y++)
                for (var x = 0; x < size; x++)
                {
                    double depth = SignedDepth(xs, ys, x, y);
                    if (depth > 1.5) Assert.True(image[y * size + x] == 1, $"trial {trial}: ({x},{y}) inside by {depth:F2} is empty");
                    if (depth < -1.5) Assert.True(image[y * size + x] == 0, $"trial {trial}: ({x},{y}) outside by {-depth:F2} is filled");
                }
        }
    }

    // Distance from (px, py) to the polygon's boundary, positive inside (convex polygon, either orientation).
    private static double SignedDepth(int[] xs, int[] ys, double px, double py)
    {
        int n = xs.Length;
        double area = 0;
        for (var i = 0; i < n; i++) area += xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i];
        double orientation = Math.Sign(area);
        if (orientation == 0) return -1e9;
        double depth = double.MaxValue;
        for (var i = 0; i < n; i++)
        {
            double ax = xs[i], ay = ys[i], bx = xs[(i + 1) % n], by = ys[(i + 1) % n];
            double len = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            if (len == 0) continue;
            double cross = ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / len;
            depth = Math.Min(depth, orientation * cross);
        }
        return depth;
    }
}
