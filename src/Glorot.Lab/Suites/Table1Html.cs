using System.Globalization;
using System.Net;
using System.Text;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Suites;

/// <summary>
/// Table 1 of the report for the suite's data set: the paper's column for it beside the measured errors (Shapeset with
/// Fig. 11's curve ends, MNIST and CIFAR-10 with Fig. 12's), or for Fashion-MNIST, which the paper never used, the
/// paper's MNIST column labelled as the closest reference.
/// </summary>
internal static class Table1Html
{
    public static string Section(IReadOnlyList<Table1Row> table, SuiteDataset data)
    {
        var ci = CultureInfo.InvariantCulture;
        static string E(string s) => WebUtility.HtmlEncode(s);
        string Pct(double? v) => v is { } x ? x.ToString("F2", ci) : "—";
        string PctStd(double? v, double? std) => std is { } sd ? Pct(v) + " ± " + sd.ToString("F2", ci) : Pct(v);

        var h = new StringBuilder();
        h.Append("<h2>Table 1 — test error on ").Append(E(data.Title)).Append(data.IsStandIn ? " (stand-in data set)" : "").Append(" (%)</h2>\n<table><tr><th>network</th>");
        if (data.IsStandIn)
            h.Append("<th>paper: none (no Fashion-MNIST in the paper)</th><th>paper's MNIST, Table 1 (closest reference, not this data set)</th>");
        else
            h.Append("<th>paper, Table 1 (").Append(E(data.PaperColumn!)).Append(")</th><th>paper, Fig. ").Append(data.TestErrorFigure.ToString(ci)).Append(" end</th>");
        h.Append("<th>measured, end of run</th><th>measured, at best validation</th><th>updates (paper: 2.5 M)</th><th>status</th></tr>\n");
        foreach (var r in table)
        {
            h.Append("<tr><td>").Append(E(r.Network)).Append("</td><td>");
            if (data.IsStandIn) h.Append("—</td><td>").Append(Pct(r.PaperReference));
            else h.Append(Pct(r.PaperTestError)).Append("</td><td>").Append(Pct(r.PaperFigure11Error));
            h.Append("</td><td>").Append(PctStd(r.MeasuredTestError, r.MeasuredStd)).Append("</td><td>").Append(PctStd(r.BestValidationTestError, r.BestValidationStd))
             .Append("</td><td>").Append(r.Updates.ToString("N0", ci)).Append("</td><td>").Append(E(r.Status)).Append("</td></tr>\n");
        }
        h.Append("</table>\n<p>");
        h.Append(data.Name switch
        {
            "shapeset" => "Table 1's Shapeset sigmoid row (82.61 %) is the 5-layer sigmoid network; \"Sigmoid depth 4\" has no Table 1 entry " +
                          "(its Fig. 11 curve ends at ≈35 %). Chance (always the most frequent class) is 83.3 %.",
            "fashion-mnist" => "Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) has MNIST's format but is harder; the paper reports nothing on it, so there is " +
                               "no paper value to match. The MNIST column is shown only as the closest reference: " + E(PaperTestErrors.Table1Text("MNIST")) +
                               " For scale, the paper's CIFAR-10 column: " + E(PaperTestErrors.Table1Text("CIFAR-10")),
            _ => E(PaperTestErrors.Table1Text(data.PaperColumn!)) + " \"Sigmoid depth 4\" has no Table 1 entry; the paper's Sigmoid row is the 5-layer network, " +
                 "trained only in the full and narrow profiles. Fig. 12's ends are read off the plot, so approximate.",
        });
        return h.Append(" Numbers: <code>table1.csv</code>.</p>\n").ToString();
    }
}
