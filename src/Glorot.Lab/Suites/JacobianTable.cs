using Glorot.Lab.Figures;
using Glorot.Lab.Runs;
using Glorot.IO;

namespace Glorot.Lab.Suites;

/// <summary>
/// One hidden layer's mean Jacobian singular value at initialization in two runs (paper §4.2.2), each beside its
/// prediction (<see cref="Glorot.Theory.LayerPrediction.JacobianMeanSingularValue"/>: √E[f′²] times the
/// Marchenko–Pastur mean).
/// </summary>
internal sealed record JacobianRow(int Layer, double? Standard, double? Normalized, double? PredictedStandard = null, double? PredictedNormalized = null);

/// <summary>
/// §4.2.2: "with our normalized initialization, this ratio [the average singular value of J = ∂z^{i+1}/∂z^i] is
/// around 0.8 whereas with the standard initialization, it drops down to 0.5" — measured on the tanh runs' first
/// probe, also written as jacobian.csv.
/// </summary>
internal static class JacobianTable
{
    /// <summary>jacobian.csv: per layer, the measured mean singular values (empty where a run lacks them), the paper's and the predicted ones.</summary>
    private static readonly CsvSchema Columns = new("jacobian.csv",
        new("layer", CsvKind.Integer), new("standard_mean_singular_value", CsvKind.OptionalNumber), new("normalized_mean_singular_value", CsvKind.OptionalNumber), new("paper_standard", CsvKind.Number), new("paper_normalized", CsvKind.Number), new("predicted_standard", CsvKind.OptionalNumber), new("predicted_normalized", CsvKind.OptionalNumber));

    /// <summary>The rows (empty when neither run measured Jacobians).</summary>
    public static List<JacobianRow> Rows(string outDirectory, string standardRun = "tanh", string normalizedRun = "tanh-n") =>
        Rows(outDirectory, new RunDirectory(Path.Combine(outDirectory, "runs", standardRun)), new RunDirectory(Path.Combine(outDirectory, "runs", normalizedRun)));

    /// <summary>The rows from the tanh runs of <paramref name="layout"/> (empty when neither measured Jacobians).</summary>
    public static List<JacobianRow> Rows(SuiteLayout layout, string outDirectory) =>
        Rows(outDirectory, layout.Primary("tanh"), layout.Primary("tanh-n"));

    private static List<JacobianRow> Rows(string outDirectory, RunDirectory? standardRun, RunDirectory? normalizedRun)
    {
        static Dictionary<int, double> Read(RunDirectory? dir)
        {
            if (dir is null || !File.Exists(dir.Probes)) return [];
            var rows = RunTables.Probes(dir).Where(r => r.JacobianMeanSingularValue is not null && r.Quantity == "activation").ToList();
            if (rows.Count == 0) return [];
            long first = rows.Min(r => r.Step);
            return rows.Where(r => r.Step == first).ToDictionary(r => r.Layer, r => r.JacobianMeanSingularValue!.Value);
        }
        static Dictionary<int, double> Predict(RunDirectory? dir)
        {
            if (dir is null || !File.Exists(dir.Probes) || !File.Exists(dir.Spec)) return [];
            var probes = RunTables.Probes(dir);
            if (probes.Count == 0) return [];
            var overlay = TheoryOverlay.Of(dir, probes.Min(r => r.Step));
            return overlay is null ? [] : overlay.MeanField.ToDictionary(p => p.Layer, p => p.JacobianMeanSingularValue);
        }
        var standard = Read(standardRun);
        var normalized = Read(normalizedRun);
        var layers = standard.Keys.Union(normalized.Keys).Order().ToList();
        var predictedStandard = layers.Count > 0 ? Predict(standardRun) : [];
        var predictedNormalized = layers.Count > 0 ? Predict(normalizedRun) : [];
        static double? At(Dictionary<int, double> d, int l) => d.TryGetValue(l, out var v) ? v : null;
        var result = layers.Select(l => new JacobianRow(l, At(standard, l), At(normalized, l), At(predictedStandard, l), At(predictedNormalized, l))).ToList();
        var csv = new FigureCsv(Columns);
        foreach (var r in result) csv.Add(r.Layer, r.Standard, r.Normalized, 0.5, 0.8, r.PredictedStandard, r.PredictedNormalized);
        if (result.Count > 0) csv.Save(Path.Combine(outDirectory, "jacobian.csv"));
        return result;
    }
}
