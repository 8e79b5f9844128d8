using System.Globalization;
using System.Text;

namespace Glorot.Probes;

/// <summary>
/// Writes probe records as two CSV tables (invariant culture, round-trip numbers, header row):
/// <c>probe_summary.csv</c> — step, layer, quantity, count, mean, std, min, max, p1, p99, percentile_rel_error,
/// non_finite, jacobian_mean_sv, abs_p98 (one row per step × layer × quantity; layer 0 holds the input and the output
/// gradient; jacobian_mean_sv and abs_p98 only on activation rows) — and <c>probe_histograms.csv</c> — step, layer, quantity, bin, left, right, count, density.
/// </summary>
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

    /// <summary>The summary table as text.</summary>
    public static string SummaryTable(IEnumerable<ProbeRecord> records)
    {
        var sb = new StringBuilder("step,layer,quantity,count,mean,std,min,max,p1,p99,percentile_rel_error,non_finite,jacobian_mean_sv,abs_p98\n");
        foreach (var (step, layer, quantity, summary, jacobian, absP98) in Rows(records))
            sb.Append(CultureInfo.InvariantCulture,
                $"{step},{layer},{quantity},{summary.Count},{N(summary.Mean)},{N(summary.Std)},{N(summary.Min)},{N(summary.Max)},{N(summary.P1)},{N(summary.P99)},{N(summary.PercentileRelativeError)},{summary.NonFinite},{(jacobian is { } j ? N(j) : "")},{(absP98 is { } a ? N(a) : "")}\n");
        return sb.ToString();
    }

    /// <summary>The histogram table as text (density = count / (in-range count · bin width)).</summary>
    public static string HistogramTable(IEnumerable<ProbeRecord> records)
    {
        var sb = new StringBuilder("step,layer,quantity,bin,left,right,count,density\n");
        foreach (var (step, layer, quantity, summary, _, _) in Rows(records))
        {
            var h = summary.Histogram;
            var density = h.Density();
            for (int i = 0; i < h.BinCount; i++)
                sb.Append(CultureInfo.InvariantCulture,
                    $"{step},{layer},{quantity},{i},{N(h.Edge(i))},{N(h.Edge(i + 1))},{h.Counts[i]},{N(density[i])}\n");
        }
        return sb.ToString();
    }

    private static IEnumerable<(long Step, int Layer, string Quantity, Summary Summary, double? Jacobian, double? AbsP98)> Rows(IEnumerable<ProbeRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var r in records)
        {
            yield return (r.Step, 0, "input", r.Input, null, null);
            yield return (r.Step, 0, "output_gradient", r.OutputGradient, null, null);
            foreach (var l in r.Layers)
            {
                yield return (r.Step, l.Layer, "pre_activation", l.PreActivations, null, null);
                yield return (r.Step, l.Layer, "activation", l.Activations, l.JacobianMeanSingularValue,
                    double.IsNaN(l.ActivationAbsP98) ? null : l.ActivationAbsP98);
                yield return (r.Step, l.Layer, "backprop_gradient", l.BackpropGradients, null, null);
                if (l.WeightGradients is { } w) yield return (r.Step, l.Layer, "weight_gradient", w, null, null);
            }
        }
    }

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
