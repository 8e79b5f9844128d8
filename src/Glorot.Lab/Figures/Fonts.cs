using SkiaSharp;

namespace Glorot.Lab.Figures;

/// <summary>
/// A sans-serif typeface for figure text. SkiaSharp's Linux "NoDependencies" native build has no fontconfig, so
/// family lookup can come back empty; known font files are tried first, then the family name, then Skia's default.
/// </summary>
internal static class Fonts
{
    // The family is the font's own name, so an SVG figure that names it renders with the same face in a browser.
    private static readonly (string Path, string Family)[] Candidates =
    [
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVu Sans"),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", "DejaVu Sans"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "Liberation Sans"),
        ("/System/Library/Fonts/Helvetica.ttc", "Helvetica"),
        (@"C:\Windows\Fonts\arial.ttf", "Arial"),
    ];

    /// <summary>The first candidate font file present on this machine, or null.</summary>
    public static (string Path, string Family)? SansFile()
    {
        foreach (var candidate in Candidates)
            if (File.Exists(candidate.Path)) return candidate;
        return null;
    }

    public static SKTypeface Sans()
    {
        foreach (var (path, _) in Candidates)
            if (File.Exists(path) && SKTypeface.FromFile(path) is { } typeface) return typeface;
        return SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    }
}
