using System.Runtime.CompilerServices;

namespace Glorot.Data;

/// <summary>
/// Polygon filling with the rule of pygame 1.x's <c>draw.polygon(surface, colour, points, 0)</c>, which
/// Glorot's generator used to draw Shapeset (<c>buildfeaturespolygon.buildimage</c>): no anti-aliasing,
/// vertex coordinates truncated to integers, then a scan line per integer row y from the lowest to the highest
/// vertex. An edge (x₁, y₁)→(x₂, y₂) with y₁ &lt; y₂ crosses row y when y₁ ≤ y &lt; y₂ (and, on the last row
/// only, when y₁ &lt; y ≤ y₂), at x = x₁ + (y − y₁)(x₂ − x₁) / (y₂ − y₁) in integer arithmetic truncated toward
/// zero; the sorted crossings pair up into spans [a, b], filled inclusively, and a span with b = a is skipped.
/// </summary>
/// <remarks>
/// Written from the behaviour of pygame's <c>draw_fillpoly</c> / <c>drawhorzlineclip</c>, not from its code.
/// The image is row-major [height × width]; row = pygame's y, column = pygame's x.
/// </remarks>
internal static class PygamePolygonFill
{
    /// <summary>Fills the polygon (<paramref name="xs"/>, <paramref name="ys"/>), integer vertices, with <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(Span<byte> image, int width, int height, ReadOnlySpan<int> xs, ReadOnlySpan<int> ys, byte value)
    {
        int n = xs.Length;
        if (n < 3 || ys.Length != n) throw new ArgumentException("A polygon needs at least 3 vertices, as many x as y.");
        if (image.Length != width * height) throw new ArgumentException("The image span does not match width × height.");

        int minY = ys[0], maxY = ys[0];
        for (var i = 1; i < n; i++)
        {
            minY = Math.Min(minY, ys[i]);
            maxY = Math.Max(maxY, ys[i]);
        }

        Span<int> crossings = n <= 64 ? stackalloc int[n] : new int[n];
        for (int y = Math.Max(minY, 0); y <= maxY && y < height; y++)
        {
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                int a = i == 0 ? n - 1 : i - 1;
                int y1 = ys[a], y2 = ys[i], x1, x2;
                if (y1 < y2)
                {
                    x1 = xs[a];
                    x2 = xs[i];
                }
                else if (y1 > y2)
                {
                    (y1, y2) = (y2, y1);
                    x1 = xs[i];
                    x2 = xs[a];
                }
                else continue; // horizontal edges never cross a scan line

                bool crosses = (y >= y1 && y < y2) || (y == maxY && y > y1 && y <= y2);
                if (crosses) crossings[count++] = (y - y1) * (x2 - x1) / (y2 - y1) + x1;
            }

            // Insertion sort: at most a handful of crossings per row.
            for (var i = 1; i < count; i++)
            {
                int c = crossings[i], j = i - 1;
                while (j >= 0 && crossings[j] > c)
                {
                    crossings[j + 1] = crossings[j];
                    j--;
                }
                crossings[j + 1] = c;
            }

            var row = image.Slice(y * width, width);
            for (var i = 0; i + 1 < count; i += 2)
            {
                int from = Math.Max(crossings[i], 0), to = Math.Min(crossings[i + 1], width);
                if (to - from < 1) continue;
                row[from..Math.Min(to + 1, width)].Fill(value);
            }
        }
    }
}
