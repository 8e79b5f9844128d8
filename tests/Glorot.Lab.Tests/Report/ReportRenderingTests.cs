using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Glorot.Lab.Tests.Suites;

namespace Glorot.Lab.Tests.Report;

/// <summary>
/// The report as a reader sees it: rendered by headless Chromium at a desktop width (1400 px) and a phone width
/// (420 px). The page must not scroll sideways, must request nothing outside itself, and every figure must draw.
/// Screenshots are kept under <see cref="ArtifactDirectory"/> for a person to look at.
/// </summary>
public sealed partial class ReportRenderingTests(TinySuiteFixture suite) : IClassFixture<TinySuiteFixture>
{
    /// <summary>Where the screenshots go: $GLOROT_TEST_ARTIFACTS (CI sets it beside the test results), else beside the tests.</summary>
    private static string ArtifactDirectory => Path.Combine(
        Environment.GetEnvironmentVariable("GLOROT_TEST_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts"),
        "report-screenshots");

    // Measures the report after load, as the reader's browser lays it out, and sends the numbers to the page around
    // it. Ink = pixels darker than near-white in a 240 × 160 copy of the figure: a blank or broken image has none.
    // Requests = every resource the page fetched (the Resource Timing API lists each URL it requested).
    private const string Probe = """
        <script>
        window.addEventListener('load', () => {
          const r = { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, figures: [],
                      requests: performance.getEntriesByType('resource').map(e => e.name) };
          for (const img of document.querySelectorAll('.fig img')) {
            const c = document.createElement('canvas'); c.width = 240; c.height = 160;
            const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, c.width, c.height);
            let ink = -1;
            try {
              g.drawImage(img, 0, 0, c.width, c.height);
              const d = g.getImageData(0, 0, c.width, c.height).data; ink = 0;
              for (let i = 0; i < d.length; i += 4) if (d[i] < 230 || d[i + 1] < 230 || d[i + 2] < 230) ink++;
            } catch (e) { ink = -2; }
            const box = img.getBoundingClientRect();
            r.figures.push({ id: img.closest('.fig').id, source: (img.currentSrc || '').slice(0, 24), ink: ink,
                             loaded: img.complete && img.naturalWidth > 0, right: box.right });
          }
          parent.postMessage(JSON.stringify(r), '*');
        });
        </script>
        """;

    // Headless Chromium's window is at least 500 px wide, so the report is laid out in a frame of the width under test
    // (its own viewport: the media queries see that width) inside a page that collects the frame's measurements.
    private static string Frame(string report, int width, int height) => $$"""
        <!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
        <iframe src="{{Path.GetFileName(report)}}" style="border:0;display:block;width:{{width}}px;height:{{height}}px"></iframe>
        <script>window.addEventListener('message', e => { const p = document.createElement('pre'); p.id = 'glorot-probe';
          p.textContent = e.data; document.body.appendChild(p); });</script></body></html>
        """;

    [SkippableTheory]
    [InlineData(1400)]
    [InlineData(420)]
    public void The_report_fits_the_screen_requests_nothing_and_draws_every_figure(int width)
    {
        Skip.If(HeadlessChromium.Executable is null, HeadlessChromium.Missing);
        string report = suite.Result.Report;
        string html = File.ReadAllText(report);
        Assert.DoesNotMatch("(src|href|srcset)=\"(https?:)?//", html); // nothing to fetch, even before a browser looks

        string probed = Path.Combine(suite.Out, $"report-probe-{width}.html");
        File.WriteAllText(probed, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
        string frame = Path.Combine(suite.Out, $"frame-probe-{width}.html");
        File.WriteAllText(frame, Frame(probed, width, 1000));
        string dom = HeadlessChromium.DumpDom(frame, 1600);
        var match = ProbeOutput().Match(dom);
        Assert.True(match.Success, "the measuring script sent no result: the report did not finish loading");
        using var result = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        var root = result.RootElement;
        int inner = root.GetProperty("innerWidth").GetInt32(), scroll = root.GetProperty("scrollWidth").GetInt32();
        Assert.InRange(inner, width - 20, width);
        Assert.True(scroll <= inner, $"the page scrolls sideways at {width} px: content {scroll} px wide in a {inner} px window");
        var requests = root.GetProperty("requests").EnumerateArray().Select(e => e.GetString()!)
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(requests.Count == 0, "the report requested " + string.Join(", ", requests));

        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(suite.Out, "figures"), "*.png").Length, figures.Count);
        foreach (var f in figures)
        {
            string id = f.GetProperty("id").GetString()!;
            Assert.True(f.GetProperty("loaded").GetBoolean(), $"{id} did not load");
            Assert.StartsWith("data:image/svg+xml", f.GetProperty("source").GetString()); // the sharp SVG was chosen
            int ink = f.GetProperty("ink").GetInt32();
            Assert.True(ink > 500, $"{id} is blank ({ink} inked pixels of 38,400)");
            Assert.True(f.GetProperty("right").GetDouble() <= inner + 0.5, $"{id} sticks out of the window at {width} px");
        }

        Directory.CreateDirectory(ArtifactDirectory);
        string shown = Path.Combine(suite.Out, $"frame-{width}.html");
        File.WriteAllText(shown, Frame(report, width, 6000));
        string png = Path.Combine(ArtifactDirectory, $"report-{width}px.png");
        HeadlessChromium.Screenshot(shown, Math.Max(width, 500), 6000, png);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is empty");
    }

    [GeneratedRegex("<pre id=\"glorot-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeOutput();
}
