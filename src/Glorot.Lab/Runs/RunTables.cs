using System.Globalization;

namespace Glorot.Lab.Runs;

/// <summary>One row of a run's probe summary table (layer 0 = input and output gradient).</summary>
/// <param name="Step">Updates before the probe.</param>
/// <param name="Layer">Hidden layer (1-based; 0 = input / output gradient).</param>
/// <param name="Quantity">activation, backprop_gradient, …</param>
/// <param name="Mean">Mean.</param>
/// <param name="Std">Population standard deviation.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="P01">1st percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="JacobianMeanSingularValue">Activation rows with Jacobians only.</param>
/// <param name="AbsP98">98th percentile of |z| (activation rows); null in runs written before the probes recorded it.</param>
/// <param name="FanInWeightVariance">n_in·Var(W) of the weights into the layer (activation rows); null in older runs.</param>
/// <param name="FanOutWeightVariance">n_out·Var(W) (activation rows); null in older runs.</param>
/// <param name="VarianceRatio">Var(z_l)/Var(z_{l−1}) on activation rows, Var(∂C/∂s_l)/Var(∂C/∂s_{l+1}) on backprop_gradient rows (Glorot.Probes.LayerConditions); null where there is no neighbour and in older runs.</param>
public sealed record ProbeRow(long Step, int Layer, string Quantity, double Mean, double Std, double Min, double Max, double P01, double P99,
    double? JacobianMeanSingularValue, double? AbsP98 = null, double? FanInWeightVariance = null, double? FanOutWeightVariance = null,
    double? VarianceRatio = null);

/// <summary>One bin of a run's probe histogram table.</summary>
public sealed record HistogramBin(long Step, int Layer, string Quantity, double Low, double High, double Density);

/// <summary>One row of a run's metrics.csv (errors as fractions).</summary>
public sealed record MetricRow(long Step, long ExamplesSeen, double? TrainError, double ValidationError, double TestError);

/// <summary>
/// Reads the CSV files of a run directory: figures are drawn from what the run wrote, nothing else. Columns are found
/// by their header names, so a table written by an older version (without a later, additive column) still reads.
/// </summary>
public static class RunTables
{
    /// <summary>probes.csv of <paramref name="run"/>.</summary>
    public static List<ProbeRow> Probes(RunDirectory run) => Rows(run.Probes,
        ["step", "layer", "quantity", "mean", "std", "min", "max", "p1", "p99", "jacobian_mean_sv"], c =>
        new ProbeRow(L(c("step")), (int)L(c("layer")), c("quantity"), D(c("mean")), D(c("std")), D(c("min")), D(c("max")),
            D(c("p1")), D(c("p99")), OptionalD(c("jacobian_mean_sv")), OptionalD(c("abs_p98")), OptionalD(c("n_in_var_w")),
            OptionalD(c("n_out_var_w")), OptionalD(c("var_ratio"))));

    /// <summary>histograms.csv of <paramref name="run"/>.</summary>
    public static List<HistogramBin> Histograms(RunDirectory run) => Rows(run.Histograms, ["step", "layer", "quantity", "left", "right", "density"], c =>
        new HistogramBin(L(c("step")), (int)L(c("layer")), c("quantity"), D(c("left")), D(c("right")), D(c("density"))));

    /// <summary>metrics.csv of <paramref name="run"/>.</summary>
    public static List<MetricRow> Metrics(RunDirectory run) => Rows(run.Metrics,
        ["step", "examples_seen", "train_error", "validation_error", "test_error"], c =>
        new MetricRow(L(c("step")), L(c("examples_seen")), OptionalD(c("train_error")), D(c("validation_error")), D(c("test_error"))));

    // Each row is parsed through a cell-by-column-name lookup ("" for a column the file does not have).
    private static List<T> Rows<T>(string path, IReadOnlyList<string> required, Func<Func<string, string>, T> parse)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: the run did not finish writing.", path);
        var rows = new List<T>();
        int line = 0;
        Dictionary<string, int> index = [];
        foreach (var text in File.ReadLines(path))
        {
            if (line++ == 0)
            {
                var names = text.Split(',');
                for (int i = 0; i < names.Length; i++) index[names[i]] = i;
                if (required.FirstOrDefault(r => !index.ContainsKey(r)) is { } missing)
                    throw new InvalidDataException($"{path}: the header has no column '{missing}'; not a run table of this project.");
                continue;
            }
            if (text.Length == 0) continue;
            var cells = text.Split(',');
            if (cells.Length != index.Count) throw new InvalidDataException($"{path}: line {line} has {cells.Length} cells, expected {index.Count}.");
            try
            {
                rows.Add(parse(name => index.TryGetValue(name, out int i) ? cells[i] : ""));
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw new InvalidDataException($"{path}: line {line} holds a cell that is not a number: '{text}'.", ex);
            }
        }
        return rows;
    }

    private static long L(string s) => long.Parse(s, CultureInfo.InvariantCulture);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static double? OptionalD(string s) => s.Length == 0 ? null : D(s);
}
