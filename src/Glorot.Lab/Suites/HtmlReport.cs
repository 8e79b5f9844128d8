using System.Globalization;
using System.Net;
using System.Text;
using Glorot.Lab.Figures;
using Glorot.Lab.Report;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// The suite's report: one self-contained HTML page (figures embedded as data URIs, no external file or script)
/// opening with the paper's claims checked on the runs (<see cref="Claims.ClaimsTable"/>), then Table 1 paper vs measured, every figure beside what the paper shows, each run's spec, timings and machine.
/// </summary>
internal static class HtmlReport
{
    /// <summary>File name of the report in the output directory.</summary>
    public const string FileName = "report.html";

    // One column of text up to 1500 px; figures beside their words on wide screens, stacked under 900 px; wide tables
    // scroll inside themselves (display:block) so that the page never scrolls sideways; long file names may break.
    /// <summary>The page's head up to the opening body tag: charset, viewport, <paramref name="titleHtml"/> (HTML) and the style.</summary>
    internal static string Head(string titleHtml) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + titleHtml +
        "</title>\n<style>" + Style + "</style></head><body>\n";

    /// <summary>The "Machine" section: a heading and one row per (key, value), both HTML-encoded.</summary>
    internal static string MachineTable(IEnumerable<KeyValuePair<string, string>> machine)
    {
        var h = new StringBuilder("<h2>Machine</h2><table>");
        foreach (var (k, v) in machine)
            h.Append("<tr><td>").Append(WebUtility.HtmlEncode(k)).Append("</td><td>").Append(WebUtility.HtmlEncode(v)).Append("</td></tr>");
        return h.Append("</table>\n").ToString();
    }

    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:1500px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:1em 0;display:block;max-width:100%;overflow-x:auto}" +
        "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f4f4f4}" +
        "td:first-child,th:first-child{text-align:left}.banner{background:#fff3cd;border:1px solid #e0c36a;padding:.8em 1em;border-radius:6px}" +
        ".fig{display:grid;grid-template-columns:minmax(0,720px) minmax(0,1fr);gap:1.2em;align-items:start;border-top:1px solid #ddd;padding:1em 0}" +
        ".fig.wide{grid-template-columns:minmax(0,1fr)}.fig picture,.fig img{display:block;width:100%;height:auto}" +
        ".paper{background:#f6f8fa;padding:.6em .9em;border-left:4px solid #888}code{overflow-wrap:anywhere}" +
        "pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:.85em}" +
        "@media (max-width:900px){body{margin:1em auto}.fig{grid-template-columns:minmax(0,1fr)}}";

    /// <summary>Writes OUT/report.html for the runs of <paramref name="layout"/> and returns its path.</summary>
    public static string Write(string outDirectory, SuiteOptions options, SuiteLayout layout, IReadOnlyList<RunResult> results,
        IReadOnlyList<FigureFile> figures, IReadOnlyDictionary<string, string> machine, double seconds)
    {
        var ci = CultureInfo.InvariantCulture;
        var profile = options.Profile;
        var runs = layout.Networks;
        var table = Table1.Rows(layout, results, outDirectory);
        int width = runs.Count > 0 ? runs[0].Spec.Hidden[0] : 0;
        var h = new StringBuilder();
        string E(string s) => WebUtility.HtmlEncode(s);

        h.Append(Head("Glorot &amp; Bengio (2010) — reproduction"));
        h.Append("<h1>Understanding the difficulty of training deep feedforward neural networks — reproduction</h1>\n");
        h.Append("<p>").Append(E(Glorot2010Suite.PaperCitation)).Append("</p>\n");
        string profileName = profile.ToString().ToLowerInvariant();
        if (profile == SuiteProfile.Full)
            h.Append("<p class=\"banner\"><b>Full profile</b>: the paper's protocol (scale as in the paper; see the choices below). Hidden width ")
             .Append(width.ToString(ci)).Append(".</p>\n");
        else if (profile is SuiteProfile.Medium or SuiteProfile.Narrow)
            h.Append("<p class=\"banner\"><b>Reduced-scale reproduction (").Append(profileName).Append(" profile, hidden width ").Append(width.ToString(ci))
             .Append(").</b> The paper's protocol, shortened or narrowed as listed below; learning rates chosen on validation error as the paper did.</p>\n");
        else
            h.Append("<p class=\"banner\"><b>Reduced-scale reproduction (").Append(profileName).Append(" profile).</b> ")
             .Append("The networks are the paper's, but each trains for a tiny fraction of the paper's updates, so figures over training ")
             .Append("show only the very start of the paper's curves and Table 1's final errors are not reached. Figures at initialization ")
             .Append("(6, 7, 8) are comparable with the paper's. Run <code>--profile full</code> for the paper's scale (hours per network). Hidden width ")
             .Append(width.ToString(ci)).Append(".</p>\n");
        var missing = layout.Networks.SelectMany(n => layout.Seeds.Select((_, i) => layout.InstanceName(n.Spec.Name, i))).Where(i => layout.Run(i) is null).ToList();
        if (missing.Count > 0)
            h.Append("<p class=\"banner\"><b>Missing runs:</b> ").Append(string.Join(", ", missing.Select(m => "<code>" + E(m) + "</code>")))
             .Append(" — not trained, not gathered, or every learning-rate candidate diverged (see below). Their rows and curves are absent; ")
             .Append("figures 2–10 need the sigmoid, tanh, tanh-n and softsign runs.</p>\n");
        var withoutHistograms = FigureSet.RunsWithoutHistograms(layout);
        if (withoutHistograms.Count > 0)
            h.Append("<p class=\"banner\"><b>Histogram figures not drawn:</b> ")
             .Append(string.Join(", ", withoutHistograms.Select(n => "<code>runs/" + E(n) + "/probe_histograms.csv</code>")))
             .Append(" absent. Published results leave the per-layer histogram tables behind (docs/results/README.md), so figures 4 and 6–8 ")
             .Append("of those runs are not in this report; the folder's own figures/ holds them as first drawn, with their CSVs.</p>\n");
        if (!options.Dataset.IsShapeset)
            h.Append("<p class=\"banner\"><b>Data set: ").Append(E(options.Dataset.Title)).Append(".</b> ")
             .Append(options.Dataset.IsStandIn
                ? "A stand-in the paper never used: it has no Fashion-MNIST value. Table 1 shows the paper's MNIST values beside, labelled as the closest reference only. "
                : $"The paper's Table 1 {E(options.Dataset.PaperColumn!)} column and Fig. 12 are shown beside the measured values. ")
             .Append("Figures 2–10 and the claims below were measured on Shapeset-3×2 in the paper; the paper's numbers beside them are Shapeset's.</p>\n");
        h.Append(Claims.ClaimsTable.Html(Claims.ClaimsTable.Write(outDirectory,
            name => layout.Primary(name) ?? new RunDirectory(Path.Combine(outDirectory, "runs", name)), options.Dataset)));
        h.Append("<h2>What differs from the paper</h2><ul>");
        foreach (var line in Glorot2010Suite.Differences(options)) h.Append("<li>").Append(E(line)).Append("</li>");
        h.Append("</ul>\n");

        h.Append(Table1Html.Section(table, options.Dataset));
        if (layout.Seeds.Count > 1)
        {
            h.Append("<p>Measured values are the mean ± sample standard deviation over ").Append(layout.Seeds.Count.ToString(ci)).Append(" seeds (")
             .Append(E(string.Join(", ", layout.Seeds))).Append("). ");
            if (Table1.TanhVersusTanhN(table, outDirectory) is { } welch)
                h.Append("Tanh vs Tanh N, end-of-run test error: Welch's t-test (two-sided, α = ").Append(WelchTest.Alpha.ToString(ci)).Append("): difference ")
                 .Append(welch.MeanDifference.ToString("F2", ci)).Append(" points, t = ").Append(welch.T.ToString("F2", ci)).Append(", ν = ")
                 .Append(welch.DegreesOfFreedom.ToString("F1", ci)).Append(", p = ").Append(welch.P.ToString("G3", ci)).Append(": <b>")
                 .Append(welch.Significant ? "significant" : "not significant").Append("</b> at α = 0.05 (the paper's bold face used p = 0.005, test unstated). ")
                 .Append("Numbers: <code>table1-significance.csv</code>.");
            else
                h.Append("Tanh vs Tanh N: no Welch test (fewer than 2 seeds with a run, or no spread).");
            h.Append("</p>\n");
        }
        if (profile != SuiteProfile.Full)
            h.Append("<p><b>Not reproduced at this scale:</b> the paper's errors come after 2.5 M updates; the measured column is the error after ")
             .Append(E(table.Count > 0 ? table.Max(t => t.Updates).ToString("N0", ci) : "0")).Append(" updates, i.e. the start of Fig. ")
             .Append(options.Dataset.TestErrorFigure.ToString(ci)).Append(".</p>\n");

        if (layout.Choices.Count > 0)
        {
            h.Append("<h2>Learning-rate selection</h2>\n<p>Each candidate trained ").Append(layout.Choices[0].Budget.ToString("N0", ci))
             .Append(" updates; the lowest validation error there wins (ties: the smaller rate; a diverged candidate loses), then the winner trains to the end. ")
             .Append("Numbers: <code>selection.json</code>, <code>selection.csv</code>.</p>\n<table><tr><th>network</th><th>seed</th>");
            var rates = layout.Choices.SelectMany(c => c.Candidates.Select(o => o.LearningRate)).Distinct().Order().ToList();
            foreach (var rate in rates) h.Append("<th>ε = ").Append(E(LearningRateGrid.Format(rate))).Append("</th>");
            h.Append("<th>chosen ε</th></tr>\n");
            foreach (var c in layout.Choices)
            {
                h.Append("<tr><td>").Append(E(c.Label)).Append("</td><td>").Append(c.Seed.ToString(ci)).Append("</td>");
                foreach (var rate in rates)
                {
                    var o = c.Candidates.FirstOrDefault(x => x.LearningRate == rate);
                    h.Append("<td>").Append(o is null ? "" : (ReferenceEquals(o, c.Chosen) ? "<b>" + E(LearningRateSelection.Describe(o)) + "</b>" : E(LearningRateSelection.Describe(o)))).Append("</td>");
                }
                h.Append("<td>").Append(c.Chosen is { } w ? E(LearningRateGrid.Format(w.LearningRate)) : (c.Missing.Any() ? "missing candidates" : "none (all diverged)")).Append("</td></tr>\n");
            }
            h.Append("</table>\n");
        }

        var jacobian = JacobianTable.Rows(layout, outDirectory);
        if (jacobian.Count > 0)
        {
            h.Append("<h2>Layer Jacobians at initialization (§4.2.2)</h2>\n<p>Mean singular value of J = diag(f′(s))·W, tanh, 5 layers, ")
             .Append("averaged over the first probe examples. Paper: ≈0.8 with normalized init, ≈0.5 with standard init. ")
             .Append("Predicted: √E[f′(s)²] (mean field) times the Marchenko–Pastur mean singular value of W. Numbers: <code>jacobian.csv</code>.</p>\n")
             .Append("<table><tr><th>layer</th><th>standard (paper ≈0.5)</th><th>predicted</th><th>normalized (paper ≈0.8)</th><th>predicted</th></tr>\n");
            foreach (var r in jacobian)
                h.Append("<tr><td>Layer ").Append(r.Layer.ToString(ci)).Append("</td><td>").Append(r.Standard?.ToString("F3", ci) ?? "—")
                 .Append("</td><td>").Append(r.PredictedStandard?.ToString("F3", ci) ?? "—")
                 .Append("</td><td>").Append(r.Normalized?.ToString("F3", ci) ?? "—")
                 .Append("</td><td>").Append(r.PredictedNormalized?.ToString("F3", ci) ?? "—").Append("</td></tr>\n");
            h.Append("</table>\n");
        }

        h.Append("<h2>Figures</h2>\n<p>Each figure's numbers are in <code>figures/ID.csv</code>, with PNG and SVG beside them.</p>\n");
        foreach (var f in figures) h.Append(FigureHtml.Block(f));

        h.Append("<h2>Runs</h2>\n<table><tr><th>run</th><th>status</th><th>updates</th><th>seconds</th><th>updates/s</th></tr>\n");
        foreach (var r in results)
            h.Append("<tr><td>").Append(E(r.Name)).Append("</td><td>").Append(E(r.Status.ToString().ToLowerInvariant())).Append("</td><td>")
             .Append(r.Steps.ToString("N0", ci)).Append("</td><td>").Append(r.Seconds.ToString("F1", ci)).Append("</td><td>")
             .Append(r.Seconds > 0 ? (r.Steps / r.Seconds).ToString("F0", ci) : "—").Append("</td></tr>\n");
        h.Append("</table>\n<p>Whole suite (this invocation, including figures): ").Append(seconds.ToString("F1", ci)).Append(" s.</p>\n");
        foreach (var r in results.Where(r => r.Divergence is not null))
            h.Append("<p><b>").Append(E(r.Name)).Append(" diverged</b> at update ").Append(r.Divergence!.FailedUpdate.ToString(ci)).Append(" (layer ")
             .Append(E(r.Divergence.Layer ?? "none")).Append("); last good checkpoint at update ").Append(r.Divergence.LastCheckpointStep?.ToString(ci) ?? "none").Append(".</p>\n");
        foreach (var run in runs)
            h.Append("<details><summary>spec of <code>").Append(E(run.Spec.Name)).Append("</code> (").Append(E(run.Label)).Append(")</summary><pre>")
             .Append(E(RunSpecJson.Serialize(run.Spec))).Append("</pre></details>\n");

        h.Append(MachineTable(machine));
        h.Append("<p>Generated ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", ci)).Append(" UTC by <code>glorot reproduce glorot2010 --profile ")
         .Append(profileName).Append(options.Dataset.IsShapeset ? "" : " --dataset " + E(options.Dataset.Name)).Append("</code>.</p>\n</body></html>\n");
        string path = Path.Combine(outDirectory, FileName);
        Glorot.IO.AtomicFile.WriteAllText(path, h.ToString());
        return path;
    }
}
