namespace Glorot.Lab.Runs;

/// <summary>One row of a run's probe_summary.csv (layer 0 = input and output gradient).</summary>
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

/// <summary>One bin of a run's probe_histograms.csv.</summary>
public sealed record HistogramBin(long Step, int Layer, string Quantity, double Low, double High, double Density);

/// <summary>One row of a run's metrics.csv (errors as fractions).</summary>
public sealed record MetricRow(long Step, long ExamplesSeen, double? TrainError, double ValidationError, double TestError);

/// <summary>
/// The typed rows of a run directory's tables, read through their schemas (<see cref="RunSchemas"/>): figures, claims
/// and the report are drawn from what the run wrote, nothing else. A table written by an older version, without a
/// later column, still reads (<see cref="Glorot.IO.CsvColumn.Added"/>).
/// </summary>
public static class RunTables
{
    /// <summary>probe_summary.csv of <paramref name="run"/>.</summary>
    public static List<ProbeRow> Probes(RunDirectory run) => RunTableReader.Read(run.Probes, RunSchemas.ProbeSummary, r =>
        new ProbeRow(r.Integer("step"), (int)r.Integer("layer"), r.Text("quantity"), r.Number("mean"), r.Number("std"), r.Number("min"),
            r.Number("max"), r.Number("p1"), r.Number("p99"), r.OptionalNumber("jacobian_mean_sv"), r.OptionalNumber("abs_p98"),
            r.OptionalNumber("n_in_var_w"), r.OptionalNumber("n_out_var_w"), r.OptionalNumber("var_ratio")));

    /// <summary>probe_histograms.csv of <paramref name="run"/>.</summary>
    public static List<HistogramBin> Histograms(RunDirectory run) => RunTableReader.Read(run.Histograms, RunSchemas.ProbeHistograms, r =>
        new HistogramBin(r.Integer("step"), (int)r.Integer("layer"), r.Text("quantity"), r.Number("left"), r.Number("right"), r.Number("density")));

    /// <summary>metrics.csv of <paramref name="run"/>.</summary>
    public static List<MetricRow> Metrics(RunDirectory run) => RunTableReader.Read(run.Metrics, RunSchemas.Metrics, r =>
        new MetricRow(r.Integer("step"), r.Integer("examples_seen"), r.OptionalNumber("train_error"), r.Number("validation_error"), r.Number("test_error")));
}
