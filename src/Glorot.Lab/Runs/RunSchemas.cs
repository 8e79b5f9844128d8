using Glorot.IO;
using Glorot.Probes;

namespace Glorot.Lab.Runs;

/// <summary>
/// The columns of every CSV a run directory holds, declared once: <see cref="CsvTable"/> writes through them and
/// <see cref="RunTableReader"/> reads through them (the figures, the claims and the report read the typed rows of
/// <see cref="RunTables"/>).
/// </summary>
internal static class RunSchemas
{
    /// <summary><c>metrics.csv</c>: one row per evaluation. train_loss and train_error are empty at update 0 (no
    /// training minibatch yet); errors are fractions.</summary>
    public static CsvSchema Metrics { get; } = new("metrics.csv",
        new("step", CsvKind.Integer), new("examples_seen", CsvKind.Integer),
        new("train_loss", CsvKind.OptionalNumber), new("train_error", CsvKind.OptionalNumber),
        new("validation_loss", CsvKind.Number), new("validation_error", CsvKind.Number),
        new("test_loss", CsvKind.Number), new("test_error", CsvKind.Number));

    /// <summary><c>probe_summary.csv</c> (<see cref="ProbeCsv.SummarySchema"/>, which <c>glorot probe --csv</c> writes too).</summary>
    public static CsvSchema ProbeSummary => ProbeCsv.SummarySchema;

    /// <summary><c>probe_histograms.csv</c> (<see cref="ProbeCsv.HistogramSchema"/>).</summary>
    public static CsvSchema ProbeHistograms => ProbeCsv.HistogramSchema;

    /// <summary><c>timings.csv</c> (<see cref="RunTimings"/>): wall-clock seconds and count of each phase.</summary>
    public static CsvSchema Timings { get; } = new("timings.csv",
        new("phase", CsvKind.Text), new("seconds", CsvKind.Number), new("count", CsvKind.Integer));
}
