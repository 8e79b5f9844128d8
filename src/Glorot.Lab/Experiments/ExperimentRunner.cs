using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Glorot.Lab.Claims;
using Glorot.Lab.Report;
using Glorot.Lab.Suites;

namespace Glorot.Lab.Experiments;

/// <summary>What one experiment suite left behind.</summary>
/// <param name="Report">Path of its report.html.</param>
/// <param name="Claims">Its checked claims (also in claims.csv and claims.json).</param>
/// <param name="Seconds">Wall-clock seconds of the run and the report.</param>
public sealed record ExperimentOutcome(string Report, IReadOnlyList<ClaimResult> Claims, double Seconds);

/// <summary>Runs an <see cref="IExperimentSuite"/> and writes OUT/claims.csv|json and OUT/report.html (one self-contained page).</summary>
public static class ExperimentRunner
{
    /// <summary>Runs <paramref name="suite"/> in <paramref name="context"/>.</summary>
    /// <exception cref="ArgumentException">A profile the suite does not have.</exception>
    public static ExperimentOutcome Run(IExperimentSuite suite, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Profile != SuiteProfile.Tiny && suite.Profiles.All(p => p.Profile != context.Profile))
            throw new ArgumentException($"Suite {suite.Name} has no {context.Profile.ToString().ToLowerInvariant()} profile; use " +
                string.Join(" or ", suite.Profiles.Select(p => p.Profile.ToString().ToLowerInvariant())) + ".");
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(context.OutDirectory);
        var findings = suite.Run(context);
        ClaimsTable.Save(context.OutDirectory, findings.Claims);
        string report = WriteReport(suite, context, findings, clock.Elapsed.TotalSeconds);
        return new ExperimentOutcome(report, findings.Claims, clock.Elapsed.TotalSeconds);
    }

    private static string WriteReport(IExperimentSuite suite, ExperimentContext context, ExperimentFindings findings, double seconds)
    {
        var ci = CultureInfo.InvariantCulture;
        static string E(string s) => WebUtility.HtmlEncode(s);
        string profile = context.Profile.ToString().ToLowerInvariant();
        var h = new StringBuilder(HtmlReport.Head(E(suite.Title))).Append("<h1>").Append(E(suite.Title)).Append("</h1>\n<p>")
            .Append(E(suite.Summary)).Append("</p>\n");
        h.Append(ClaimsTable.Html(findings.Claims, "The texts' claims, checked",
            "Each claim is tested on this run's measurements by the criterion shown; the \"paper\" column is what the source says."));
        h.Append("<h2>How it was measured</h2>\n");
        foreach (var line in findings.Method) h.Append("<p>").Append(E(line)).Append("</p>\n");
        h.Append("<h2>Figures</h2>\n<p>Each figure's numbers are in <code>figures/ID.csv</code>, with PNG and SVG beside them.");
        if (findings.DataFiles.Count > 0)
            h.Append(" Other numbers: ").Append(string.Join(", ", findings.DataFiles.Select(f => "<code>" + E(f) + "</code>"))).Append('.');
        h.Append("</p>\n");
        foreach (var f in findings.Figures) h.Append(FigureHtml.Block(f, "Source"));
        h.Append(HtmlReport.MachineTable(MachineInfo.Describe()));
        h.Append("<p>").Append(seconds.ToString("F1", ci)).Append(" s. Generated ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", ci))
         .Append(" UTC by <code>glorot reproduce ").Append(E(suite.Name)).Append(" --profile ").Append(E(profile)).Append(" --seed ")
         .Append(context.Seed.ToString(ci)).Append("</code>.</p>\n</body></html>\n");
        string path = Path.Combine(context.OutDirectory, HtmlReport.FileName);
        Glorot.IO.AtomicFile.WriteAllText(path, h.ToString());
        return path;
    }
}
