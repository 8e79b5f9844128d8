using System.Text;
using Glorot.IO;

namespace Glorot.Probes;

/// <summary>
/// Writes probe records as two CSV tables (invariant culture, round-trip numbers, header row):
/// <c>probe_summary.csv</c> — step, layer, quantity, count, mean, std, min, max, p1, p99, percentile_rel_error,
/// non_finite, jacobian_mean_sv, abs_p98, n_in_var_w, n_out_var_w, var_ratio (one row per step × layer × quantity;
/// layer 0 holds the input and the output gradient; jacobian_mean_sv, abs_p98, n_in_var_w and n_out_var_w only on
/// activation rows; var_ratio on activation rows Var(z_l)/Var(z_{l−1}) from layer 2 up, on backprop_gradient rows
/// Var(∂C/∂s_l)/Var(∂C/∂s_{l+1}) below the top hidden layer: <see cref="LayerConditions"/>) — and
/// <c>probe_histograms.csv</c> — step, layer, quantity, bin, left, right, count, density.
/// </summary>
/// <remarks>Columns are only ever added at the end, so the earlier ones of a row never change.</remarks>
public static class ProbeCsv
{
    /// <summary>File name of the summary table.</summary>
    public const string SummaryFile = "probe_summary.csv";

    /// <summary>File name of the histogram table.</summary>
    public const string HistogramFile = "probe_histograms.csv";

    /// <summary>Quantity names used in the tables.</summary>
    public static readonly IReadOnlyList<string> Quantities =
        ["input", "output_gradient", "pre_activation", "activation", "backprop_gradient", "weight_gradient"];

    /// <summary>Writes both tables into <paramref name="directory"/> (created if needed), replacing existing files.</summary>
    public static void Write(IEnumerable<ProbeRecord> records, string directory)
    {
        ArgumentNullException.ThrowIfNull(records);
        Directory.CreateDirectory(directory);
        var list = records.ToList();
        IO.AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), SummaryTable(list));
        IO.AtomicFile.WriteAllText(Path.Combine(directory, HistogramFile), HistogramTable(list));
    }

    /// <summary>The columns of <c>probe_summary.csv</c> (see the class summary for which rows have the optional ones).</summary>
    internal static CsvSchema SummarySchema { get; } = new(SummaryFile,
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("quantity", CsvKind.Text), new("count", CsvKind.Integer),
        new("mean", CsvKind.Number), new("std", CsvKind.Number), new("min", CsvKind.Number), new("max", CsvKind.Number),
        new("p1", CsvKind.Number), new("p99", CsvKind.Number), new("percentile_rel_error", CsvKind.Number), new("non_finite", CsvKind.Integer),
        new("jacobian_mean_sv", CsvKind.OptionalNumber),
        // Added at the end as the probes learned to record them; tables written before lack them.
        new("abs_p98", CsvKind.OptionalNumber, Added: true), new("n_in_var_w", CsvKind.OptionalNumber, Added: true),
        new("n_out_var_w", CsvKind.OptionalNumber, Added: true), new("var_ratio", CsvKind.OptionalNumber, Added: true));

    /// <summary>The columns of <c>probe_histograms.csv</c>.</summary>
    internal static CsvSchema HistogramSchema { get; } = new(HistogramFile,
        new("step", CsvKind.Integer), new("layer", CsvKind.Integer), new("quantity", CsvKind.Text), new("bin", CsvKind.Integer),
        new("left", CsvKind.Number), new("right", CsvKind.Number), new("count", CsvKind.Integer), new("density", CsvKind.Number));

    /// <summary>The summary table as text, header first.</summary>
    public static string SummaryTable(IEnumerable<ProbeRecord> records) => SummarySchema.Header + "\n" + SummaryRows(records);

    /// <summary>The summary table's rows, without the header (what a run appends at each probe).</summary>
    public static string SummaryRows(IEnumerable<ProbeRecord> records)
    {
        var sb = new StringBuilder();
        foreach (var (step, layer, quantity, summary, extra) in Rows(records))
            SummarySchema.AppendRow(sb, step, layer, quantity, summary.Count, summary.Mean, summary.Std, summary.Min, summary.Max, summary.P1,
                summary.P99, summary.PercentileRelativeError, summary.NonFinite, extra.Jacobian, extra.AbsP98, extra.FanInWeightVariance,
                extra.FanOutWeightVariance, extra.VarianceRatio);
        return sb.ToString();
    }

    /// <summary>The histogram table as text, header first (density = count / (in-range count · bin width)).</summary>
    public static string HistogramTable(IEnumerable<ProbeRecord> records) => HistogramSchema.Header + "\n" + HistogramRows(records);

    /// <summary>The histogram table's rows, without the header (what a run appends at each probe).</summary>
    public static string HistogramRows(IEnumerable<ProbeRecord> records)
    {
        var sb = new StringBuilder();
        foreach (var (step, layer, quantity, summary, _) in Rows(records))
        {
            var h = summary.Histogram;
            var density = h.Density();
            for (int i = 0; i < h.BinCount; i++)
                HistogramSchema.AppendRow(sb, step, layer, quantity, i, h.Edge(i), h.Edge(i + 1), h.Counts[i], density[i]);
        }
        return sb.ToString();
    }

    // The cells after non_finite that only some rows have (empty where null).
    private readonly record struct Extra(double? Jacobian = null, double? AbsP98 = null, double? FanInWeightVariance = null,
        double? FanOutWeightVariance = null, double? VarianceRatio = null);

    private static IEnumerable<(long Step, int Layer, string Quantity, Summary Summary, Extra Extra)> Rows(IEnumerable<ProbeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            yield return (r.Step, 0, "input", r.Input, default);
            yield return (r.Step, 0, "output_gradient", r.OutputGradient, default);
            for (int i = 0; i < r.Layers.Count; i++)
            {
                var l = r.Layers[i];
                yield return (r.Step, l.Layer, "pre_activation", l.PreActivations, default);
                yield return (r.Step, l.Layer, "activation", l.Activations, new Extra(l.JacobianMeanSingularValue, Known(l.ActivationAbsP98),
                    Known(l.FanInWeightVariance), Known(l.FanOutWeightVariance), LayerConditions.ActivationVarianceRatio(r, i)));
                yield return (r.Step, l.Layer, "backprop_gradient", l.BackpropGradients, new Extra(VarianceRatio: LayerConditions.GradientVarianceRatio(r, i)));
                if (l.WeightGradients is { } w) yield return (r.Step, l.Layer, "weight_gradient", w, default);
            }
        }
    }

    // NaN marks a number a record written by an older version lacks: an empty cell, as for a row that never has it.
    private static double? Known(double x) => double.IsNaN(x) ? null : x;
}
