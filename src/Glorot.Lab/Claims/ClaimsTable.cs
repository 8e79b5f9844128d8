using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Glorot.Lab.Figures;
using Glorot.IO;

namespace Glorot.Lab.Claims;

/// <summary>
/// The paper's claims, each checked by a stated numeric criterion against the run directories under OUT/runs
/// (the names of <see cref="Suites.Glorot2010Suite"/>), written as OUT/claims.csv and OUT/claims.json and shown first in
/// the report. Works from the run directories alone (a report may be drawn from gathered shards); a missing or
/// unreadable run makes its claims "not reached", never an error. Criteria: docs/LAB.md, "Claims".
/// </summary>
internal static class ClaimsTable
{
    /// <summary>claims.csv: one row per claim; its texts in double quotes, as they hold commas.</summary>
    private static readonly CsvSchema Columns = new("claims.csv",
        new("id", CsvKind.Text), new("claim", CsvKind.QuotedText), new("source", CsvKind.QuotedText), new("criterion", CsvKind.QuotedText), new("paper", CsvKind.QuotedText), new("measured", CsvKind.QuotedText), new("verdict", CsvKind.Text), new("note", CsvKind.QuotedText));

    /// <summary>File name of the CSV table in the output directory.</summary>
    public const string CsvFile = "claims.csv";

    /// <summary>File name of the JSON table in the output directory.</summary>
    public const string JsonFile = "claims.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Every claim, in the paper's order (1–12), from the runs under <paramref name="outDirectory"/>/runs.</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(string outDirectory) => Evaluate(InDirectory(outDirectory));

    /// <summary>Every claim, in the paper's order (1–12), from the run directory <paramref name="find"/> gives each network
    /// (a suite's layout: its own run or the learning-rate candidate that won, wherever it lies).</summary>
    public static IReadOnlyList<ClaimResult> Evaluate(Func<string, Runs.RunDirectory> find)
    {
        var runs = new Dictionary<string, RunEvidence>();
        RunEvidence Run(string name) => runs.TryGetValue(name, out var r) ? r : runs[name] = new RunEvidence(name, find(name));
        return
        [
            SigmoidClaims.TopLayerCollapse(Run("sigmoid")),
            SigmoidClaims.DepthFiveNeverEscapes(Run("sigmoid-5"), Run("sigmoid")),
            SaturationClaims.TanhSaturatesInOrder(Run("tanh")),
            SaturationClaims.SoftsignSaturatesLess(Run("tanh"), Run("softsign")),
            SaturationClaims.NormalizedReachesPlateauTogether(Run("tanh-n")),
            InitializationClaims.ActivationsAtInit(Run("tanh"), Run("tanh-n")),
            InitializationClaims.BackpropAtInit(Run("tanh"), Run("tanh-n")),
            InitializationClaims.WeightGradientsAtInit(Run("tanh"), Run("tanh-n")),
            TrainingClaims.WeightGradientsDuringTraining(Run("tanh"), Run("tanh-n")),
            InitializationClaims.JacobianAtInit(Run("tanh"), Run("tanh-n")),
            TrainingClaims.NormalizedEndsLower(Run("tanh"), Run("tanh-n"), Run("softsign"), Run("softsign-n")),
            CostSurfaceClaim.Evaluate(),
        ];
    }

    /// <summary>Evaluates the claims on the runs under OUT/runs and writes OUT/claims.csv and OUT/claims.json.</summary>
    public static IReadOnlyList<ClaimResult> Write(string outDirectory) => Write(outDirectory, InDirectory(outDirectory));

    /// <summary>Evaluates the claims on the runs <paramref name="find"/> gives and writes OUT/claims.csv and OUT/claims.json.</summary>
    public static IReadOnlyList<ClaimResult> Write(string outDirectory, Func<string, Runs.RunDirectory> find) =>
        Write(outDirectory, find, Runs.SuiteDataset.Shapeset);

    /// <summary>
    /// Evaluates the claims on the runs <paramref name="find"/> gives, trained on <paramref name="data"/> (claims tied to
    /// Shapeset's values made not applicable elsewhere: <see cref="ClaimsOnOtherData"/>), and writes OUT/claims.csv and OUT/claims.json.
    /// </summary>
    public static IReadOnlyList<ClaimResult> Write(string outDirectory, Func<string, Runs.RunDirectory> find, Runs.SuiteDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var claims = data.IsShapeset ? Evaluate(find) : ClaimsOnOtherData.Adjust(Evaluate(find), data);
        Save(outDirectory, claims);
        return claims;
    }

    /// <summary>Writes <paramref name="claims"/> as OUT/claims.csv and OUT/claims.json (any suite's claims).</summary>
    public static void Save(string outDirectory, IReadOnlyList<ClaimResult> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        Directory.CreateDirectory(outDirectory);
        var csv = new FigureCsv(Columns);
        foreach (var c in claims) csv.Add(c.Id, c.Claim, c.Source, c.Criterion, c.Paper, c.Measured, c.VerdictText, c.Note);
        csv.Save(Path.Combine(outDirectory, CsvFile));
        Glorot.IO.AtomicFile.WriteAllText(Path.Combine(outDirectory, JsonFile), JsonSerializer.Serialize(claims, Json) + "\n");
    }

    private static Func<string, Runs.RunDirectory> InDirectory(string outDirectory) =>
        name => new Runs.RunDirectory(Path.Combine(outDirectory, "runs", name));

    /// <summary>The claims as an HTML section (heading, one-line legend, table).</summary>
    public static string Html(IReadOnlyList<ClaimResult> claims) =>
        Html(claims, "The paper's claims, checked", "Each claim is tested on the run data by the criterion in its row. " +
            "<b>not reached</b>: this profile's runs cannot decide it (too short, or the network is not trained here).");

    /// <summary>The claims as an HTML section under <paramref name="headingHtml"/>, <paramref name="legendHtml"/> before the table (both HTML).</summary>
    public static string Html(IReadOnlyList<ClaimResult> claims, string headingHtml, string legendHtml)
    {
        ArgumentNullException.ThrowIfNull(claims);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var h = new StringBuilder("<h2>").Append(headingHtml).Append("</h2>\n<p>").Append(legendHtml)
            .Append(" Numbers: <code>claims.csv</code>, <code>claims.json</code>.</p>\n")
            .Append("<table class=\"claims\"><tr><th>#</th><th>claim</th><th>verdict</th><th>measured</th><th>paper</th><th>criterion</th><th>what differs, and why</th></tr>\n");
        foreach (var c in claims)
        {
            string colour = c.Verdict switch { Verdict.Holds => "#d4edda", Verdict.DoesNotHold => "#f8d7da", _ => "#eeeeee" };
            h.Append("<tr><td>").Append(c.Id).Append("</td><td style=\"text-align:left\">").Append(E(c.Claim)).Append(" <i>(").Append(E(c.Source))
             .Append(")</i></td><td style=\"background:").Append(colour).Append(";text-align:center\"><b>").Append(E(c.VerdictText))
             .Append("</b></td><td style=\"text-align:left\">").Append(E(c.Measured)).Append("</td><td style=\"text-align:left\">").Append(E(c.Paper))
             .Append("</td><td style=\"text-align:left;font-size:.85em\">").Append(E(c.Criterion)).Append("</td><td style=\"text-align:left;font-size:.85em\">")
             .Append(E(c.Note)).Append("</td></tr>\n");
        }
        return h.Append("</table>\n").ToString();
    }
}
