using System.Net;
using System.Text;
using Glorot.Lab.Figures;

namespace Glorot.Lab.Report;

/// <summary>One figure as a report shows it: the image embedded beside its title, caption and what the source shows.</summary>
internal static class FigureHtml
{
    /// <summary>
    /// The figure's HTML block. SVG first (sharp at any pixel density), the PNG as the fallback of browsers that cannot
    /// draw it; both embedded, so the page stays one file that requests nothing.
    /// <paramref name="sourceLabel"/> names what <see cref="FigureFile.Paper"/> quotes (the paper, the source texts).
    /// </summary>
    public static string Block(FigureFile f, string sourceLabel = "Paper")
    {
        ArgumentNullException.ThrowIfNull(f);
        static string E(string s) => WebUtility.HtmlEncode(s);
        return new StringBuilder()
            .Append("<div class=\"fig").Append(f.Wide ? " wide" : "").Append("\" id=\"").Append(E(f.Id)).Append("\"><picture><source type=\"image/svg+xml\" srcset=\"data:image/svg+xml;base64,")
            .Append(Convert.ToBase64String(File.ReadAllBytes(f.Svg))).Append("\"><img alt=\"").Append(E(f.Title + ": " + f.Id)).Append("\" src=\"data:image/png;base64,")
            .Append(Convert.ToBase64String(File.ReadAllBytes(f.Png))).Append("\"></picture><div><h3>").Append(E(f.Title)).Append(" — <code>").Append(E(f.Id))
            .Append("</code></h3><p>").Append(E(f.Caption)).Append("</p><p class=\"paper\"><b>").Append(E(sourceLabel)).Append(":</b> ").Append(E(f.Paper)).Append("</p></div></div>\n")
            .ToString();
    }
}
