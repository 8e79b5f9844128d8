using SkiaSharp;

namespace Glorot.Lab.Figures;

/// <summary>
/// A sans-serif typeface for figure text. SkiaSharp's Linux "NoDependencies" native build has no fontconfig, so
/// family lookup can come back empty; known font files are tried first, then the family name, then Skia's default.
/// </summary>
internal static class Fonts
{
    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Helvetica.ttc",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    public static SKTypeface Sans()
    {
        foreach (var path in Candidates)
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } typeface) return typeface;
        return SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    }
}
