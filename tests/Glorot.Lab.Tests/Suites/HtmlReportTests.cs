using System.Text.RegularExpressions;
using Glorot.Lab.Suites;
using Glorot.Lab.Tests.Suites;

namespace Glorot.Lab.Tests.Suites;

public sealed partial class HtmlReportTests(TinySuiteFixture suite) : IClassFixture<TinySuiteFixture>
{
    private string Html => File.ReadAllText(suite.Result.Report);

    [Fact]
    public void The_report_embeds_every_figure_and_links_no_external_file()
    {
        string html = Html;
        foreach (var png in Directory.GetFiles(Path.Combine(suite.Out, "figures"), "*.png"))
            Assert.Contains($"id=\"{Path.GetFileNameWithoutExtension(png)}\"", html);
        // Figs. 2–11 (16 files) and the two n·Var(W) panels.
        Assert.Equal(18, Base64Images().Matches(html).Count);
        Assert.Equal(18, Base64Svgs().Matches(html).Count); // the sharp SVG first, the PNG as fallback
        Assert.DoesNotMatch("src=\"(?!data:)", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void The_report_holds_Table_1_with_the_papers_values_beside_the_measured_ones()
    {
        string html = Html;
        Assert.Contains("Table 1", html);
        foreach (var value in new[] { "16.27", "16.06", "27.15", "15.60" }) Assert.Contains($"<td>{value}</td>", html);
        foreach (var label in new[] { "Sigmoid depth 4", "Tanh N", "Softsign N" }) Assert.Contains(label, html);
        var table = File.ReadAllLines(Path.Combine(suite.Out, "table1.csv"));
        Assert.Equal(6, table.Length);
        Assert.StartsWith("network,paper_table1_shapeset_percent,", table[0]);
    }

    [Fact]
    public void A_reduced_profile_is_labelled_as_such_with_its_differences_specs_timings_and_machine()
    {
        string html = Html;
        Assert.Contains("Reduced-scale reproduction (tiny profile)", html);
        foreach (var line in Glorot2010Suite.Differences(SuiteProfile.Tiny))
            Assert.Contains(System.Net.WebUtility.HtmlEncode(line), html);
        Assert.Contains("spec of <code>tanh-n</code>", html);
        Assert.Contains("updates/s", html);
        Assert.Contains("logical_cores", html);
        Assert.Contains("Layer Jacobians at initialization", html);
    }

    [Fact]
    public void The_report_opens_with_the_claims_table_written_beside_it()
    {
        string html = Html;
        int claims = html.IndexOf("The paper's claims, checked", StringComparison.Ordinal);
        Assert.InRange(claims, 0, html.IndexOf("Table 1 — test error", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(suite.Out, Glorot.Lab.Claims.ClaimsTable.CsvFile)));
        Assert.True(File.Exists(Path.Combine(suite.Out, Glorot.Lab.Claims.ClaimsTable.JsonFile)));
        Assert.Equal(12, Regex.Matches(html, "<tr><td>\\d+</td><td style=\"text-align:left\">").Count);
    }

    [Fact]
    public void The_report_adapts_to_narrow_screens_and_gives_wide_figures_the_full_width()
    {
        string html = Html;
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("@media (max-width:900px)", html);
        Assert.Contains("class=\"fig wide\" id=\"fig11-test-error\"", html);
        Assert.Contains("class=\"fig wide\" id=\"fig5-cost-surfaces\"", html);
        Assert.Contains("class=\"fig\" id=\"fig6-activations-init-standard\"", html);
    }

    [GeneratedRegex("src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\"")]
    private static partial Regex Base64Images();

    [GeneratedRegex("srcset=\"data:image/svg\\+xml;base64,[A-Za-z0-9+/=]{100,}\"")]
    private static partial Regex Base64Svgs();
}
