using System.Globalization;
using System.Text.Json;
using Glorot.Probes;
using Glorot.Theory;
using Spectre.Console;

namespace Glorot.Cli.Commands;

/// <summary>Measured vs predicted, per hidden layer, for <c>glorot probe</c>: the rows, a table and JSON.</summary>
internal static class ProbeReport
{
    public sealed record Row(int Layer, double ActivationStd, double PredictedActivationStd, double LinearActivationStd,
        double P1, double PredictedP1, double P99, double PredictedP99,
        double BackpropStd, double PredictedBackpropStd, double LinearBackpropStd,
        double? WeightGradientStd, double PredictedWeightGradientStd, double LinearWeightGradientStd,
        double? JacobianMeanSingularValue, double PredictedJacobianMeanSingularValue);

    public sealed record Report(string Source, string Activation, string Init, string OutputInit, IReadOnlyList<int> Widths,
        int Examples, double Loss, double InputSecondMoment, double OutputGradientStd, IReadOnlyList<Row> Layers)
    {
        /// <summary>With <c>--init lsuv</c>: every rescaling (Mishkin &amp; Matas 2016 Algorithm 1).</summary>
        public Glorot.Nn.LsuvRecord? Lsuv { get; init; }
    }

    public static Report Build(ProbeRecord record, IReadOnlyList<int> widths, IReadOnlyList<double> weightVariances,
        Activation f, string source, string init, string outputInit)
    {
        double input = record.Input.SecondMoment, top = record.OutputGradient.SecondMoment;
        var meanField = NetworkTheory.Predict(widths, weightVariances, f, input, top);
        var linear = LinearTheory.Predict(widths, weightVariances, input, top);
        var rows = record.Layers.Select((m, i) =>
        {
            var p = meanField[i];
            var lin = linear[i];
            return new Row(m.Layer, m.Activations.Std, p.ActivationStd, Math.Sqrt(lin.ActivationVariance),
                m.Activations.P1, p.ActivationP1, m.Activations.P99, p.ActivationP99,
                m.BackpropGradients.Std, p.BackpropStd, Math.Sqrt(lin.BackpropVariance),
                m.WeightGradients?.Std, p.WeightGradientStd, Math.Sqrt(lin.WeightGradientVariance),
                m.JacobianMeanSingularValue, p.JacobianMeanSingularValue);
        }).ToList();
        return new Report(source, f.ToString(), init, outputInit, widths, record.Examples, record.Loss, input,
            record.OutputGradient.Std, rows);
    }

    public static string Json(Report report) => JsonSerializer.Serialize(report, JsonOptions);

    /// <summary>snake_case names, indented; ∞ and NaN as named literals (depth scales diverge at the edge of chaos).</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Terminal width the default (split) tables fit in; <c>--wide</c> prints one table of every column.</summary>
    public const int TerminalWidth = 100;

    /// <summary>
    /// Prints the network, then the measured and predicted values per layer: by default a forward table (activations)
    /// and a backward table (gradients, Jacobians), each within <see cref="TerminalWidth"/> columns; <paramref name="wide"/>: one table.
    /// </summary>
    public static void Print(Report report, TextWriter output, bool wide = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = wide ? 200 : TerminalWidth;
        output.WriteLine($"network   {string.Join("-", report.Widths)}, {report.Activation}, init {report.Init} (output layer {report.OutputInit})");
        output.WriteLine($"probe set {report.Source}");
        if (report.Lsuv is { } lsuv)
            output.WriteLine($"lsuv      {lsuv.Steps.Count} rescalings on {lsuv.Examples} examples (Tol_var {G(lsuv.Options.Tolerance)}, T_max {lsuv.Options.MaxIterations}); " +
                $"final Var(s) per layer {string.Join(" ", lsuv.FinalVariances.Select(G))}");
        output.WriteLine($"          E[x²] = {G(report.InputSecondMoment)}, output dL/ds std = {G(report.OutputGradientStd)}, loss = {G(report.Loss)}");
        string[] forwardColumns = ["act std", "mean field", "linear", "p1 / p99", "mean field"];
        string[] backwardColumns = ["dL/ds std", "mean field", "linear", "dL/dW std", "mean field", "J mean σ", "predicted"];
        static string[] Forward(Row r) => [G(r.ActivationStd), G(r.PredictedActivationStd), G(r.LinearActivationStd),
            $"{G(r.P1)} / {G(r.P99)}", $"{G(r.PredictedP1)} / {G(r.PredictedP99)}"];
        static string[] Backward(Row r) => [G(r.BackpropStd), G(r.PredictedBackpropStd), G(r.LinearBackpropStd),
            r.WeightGradientStd is { } w ? G(w) : "–", G(r.PredictedWeightGradientStd),
            r.JacobianMeanSingularValue is { } j ? G(j) : "–", G(r.PredictedJacobianMeanSingularValue)];
        void Write(string? title, string[] columns, Func<Row, string[]> cells)
        {
            var table = new Table().Border(TableBorder.Simple);
            if (title is not null) table.Title(title);
            table.AddColumns(["layer", .. columns]);
            foreach (var r in report.Layers) table.AddRow([r.Layer.ToString(CultureInfo.InvariantCulture), .. cells(r)]);
            console.Write(table);
        }
        if (wide)
            Write(null, [.. forwardColumns, .. backwardColumns], r => [.. Forward(r), .. Backward(r)]);
        else
        {
            Write("forward: activations", forwardColumns, Forward);
            Write("backward: gradients and layer Jacobians", backwardColumns, Backward);
        }
        output.WriteLine("mean field: Poole et al. 2016 q-map through the activation;");
        output.WriteLine("linear: Glorot & Bengio 2010 eqs. 5–7 (f′ = 1). dL/ds and dL/dW are per example;");
        output.WriteLine("predictions start from the measured E[x²] and output-layer dL/ds.");
    }

    private static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
