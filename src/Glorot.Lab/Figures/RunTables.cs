using System.Globalization;
using Glorot.Lab.Runs;

namespace Glorot.Lab.Figures;

/// <summary>One row of a run's probe summary table (layer 0 = input and output gradient).</summary>
public sealed record ProbeRow(long Step, int Layer, string Quantity, double Mean, double Std, double Min, double Max, double P01, double P99,
    double? JacobianMeanSingularValue);

/// <summary>One bin of a run's probe histogram table.</summary>
public sealed record HistogramBin(long Step, int Layer, string Quantity, double Low, double High, double Density);

/// <summary>One row of a run's metrics.csv (errors as fractions).</summary>
public sealed record MetricRow(long Step, long ExamplesSeen, double? TrainError, double ValidationError, double TestError);

/// <summary>Reads the CSV files of a run directory: figures are drawn from what the run wrote, nothing else.</summary>
public static class RunTables
{
    /// <summary>probes.csv of <paramref name="run"/>.</summary>
    public static List<ProbeRow> Probes(RunDirectory run) => Rows(run.Probes, Runner.ProbeColumns.Count, c =>
        new ProbeRow(L(c[0]), (int)L(c[1]), c[2], D(c[4]), D(c[5]), D(c[6]), D(c[7]), D(c[8]), D(c[9]), c[12].Length == 0 ? null : D(c[12])));

    /// <summary>histograms.csv of <paramref name="run"/>.</summary>
    public static List<HistogramBin> Histograms(RunDirectory run) => Rows(run.Histograms, Runner.HistogramColumns.Count, c =>
        new HistogramBin(L(c[0]), (int)L(c[1]), c[2], D(c[4]), D(c[5]), D(c[7])));

    /// <summary>metrics.csv of <paramref name="run"/>.</summary>
    public static List<MetricRow> Metrics(RunDirectory run) => Rows(run.Metrics, Runner.MetricsColumns.Count, c =>
        new MetricRow(L(c[0]), L(c[1]), c[3].Length == 0 ? null : D(c[3]), D(c[5]), D(c[7])));

    private static List<T> Rows<T>(string path, int columns, Func<string[], T> parse)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing: the run did not finish writing.", path);
        var rows = new List<T>();
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            if (line++ == 0 || text.Length == 0) continue;
            var cells = text.Split(',');
            if (cells.Length != columns) throw new InvalidDataException($"{path}: line {line} has {cells.Length} cells, expected {columns}.");
            try
            {
                rows.Add(parse(cells));
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
}
