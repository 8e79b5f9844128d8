namespace Glorot.Theory;

/// <summary>
/// What the theory predicts for a network at initialization, per hidden layer: the mean-field q-map (Poole et al. 2016)
/// beside the linear regime (Glorot &amp; Bengio 2010 eqs. 5–7), χ₁, and the depth scales ξ_q, ξ_c of its
/// hidden-to-hidden layers (Schoenholz et al. 2017). <c>glorot theory</c> prints it.
/// </summary>
/// <param name="Activation">The hidden activation's name.</param>
/// <param name="Weights">The weights' distribution: a scheme's name, or N(0, σ_w²/fan-in).</param>
/// <param name="Widths">Input, hidden and output widths.</param>
/// <param name="SigmaB2">The bias variance σ_b².</param>
/// <param name="InputSecondMoment">E[x²] of the inputs.</param>
/// <param name="OutputGradientStd">Std of the output layer's dL/ds (per example); the gradient predictions scale with it.</param>
/// <param name="DepthScales">The depth scales of the first hidden-to-hidden layer (or of the only layer); null where the q-map diverges.</param>
/// <param name="DepthScalesNote">Why there are no depth scales, when there are none.</param>
/// <param name="Layers">One row per hidden layer.</param>
internal sealed record NetworkReport(string Activation, string Weights, IReadOnlyList<int> Widths, double SigmaB2,
    double InputSecondMoment, double OutputGradientStd, DepthScales? DepthScales, string? DepthScalesNote, IReadOnlyList<NetworkReport.Row> Layers)
{
    /// <summary>One hidden layer: mean field (Poole et al. 2016) beside the linear regime (Glorot &amp; Bengio eqs. 5–7).</summary>
    public sealed record Row(int Layer, double SigmaW2, double PreActivationVariance, double ActivationStd, double LinearActivationStd,
        double BackpropStd, double LinearBackpropStd, double WeightGradientStd, double LinearWeightGradientStd, double Chi1);

    /// <summary>The columns of <see cref="Csv"/>: one row per hidden layer, in <see cref="Row"/>'s order.</summary>
    public static IO.CsvSchema CsvColumns { get; } = new("theory.csv",
        new("layer", IO.CsvKind.Integer), new("sigma_w2", IO.CsvKind.Number), new("pre_activation_variance", IO.CsvKind.Number),
        new("activation_std", IO.CsvKind.Number), new("linear_activation_std", IO.CsvKind.Number), new("backprop_std", IO.CsvKind.Number),
        new("linear_backprop_std", IO.CsvKind.Number), new("weight_gradient_std", IO.CsvKind.Number),
        new("linear_weight_gradient_std", IO.CsvKind.Number), new("chi1", IO.CsvKind.Number));

    /// <summary>One line per hidden layer (<see cref="CsvColumns"/>); the depth scales are in the JSON.</summary>
    public string Csv()
    {
        var text = CsvColumns.NewTable();
        foreach (var r in Layers)
            CsvColumns.AppendRow(text, r.Layer, r.SigmaW2, r.PreActivationVariance, r.ActivationStd, r.LinearActivationStd, r.BackpropStd,
                r.LinearBackpropStd, r.WeightGradientStd, r.LinearWeightGradientStd, r.Chi1);
        return text.ToString();
    }

    /// <summary>Predictions with every layer's weights drawn by <paramref name="initializer"/> (its variance per layer, <see cref="NetworkTheory.WeightVariances(Init.Initializer, IReadOnlyList{int})"/>).</summary>
    /// <exception cref="ArgumentException">A width, a variance or the q-map is out of range.</exception>
    public static NetworkReport Of(Init.Initializer initializer, IReadOnlyList<int> widths, Activation f, double sigmaB2, double inputSecondMoment, double outputGradientStd)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        return Of(widths, NetworkTheory.WeightVariances(initializer, widths), f, sigmaB2, initializer.Scheme, inputSecondMoment, outputGradientStd);
    }

    /// <summary>Predictions with W ~ N(0, σ_w²/fan-in) in every layer (Poole et al. 2016's parametrization).</summary>
    /// <exception cref="ArgumentException">A width, σ_w or the q-map is out of range.</exception>
    public static NetworkReport Of(double sigmaW, IReadOnlyList<int> widths, Activation f, double sigmaB2, double inputSecondMoment, double outputGradientStd)
    {
        ArgumentNullException.ThrowIfNull(widths);
        double[] variances = [.. widths.Take(widths.Count - 1).Select(n => sigmaW * sigmaW / n)];
        return Of(widths, variances, f, sigmaB2, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"N(0, σ_w²/fan-in), σ_w = {sigmaW}"), inputSecondMoment, outputGradientStd);
    }

    /// <summary>Predictions for the network of <paramref name="widths"/> with per-layer Var[W] <paramref name="weightVariances"/>.</summary>
    /// <exception cref="ArgumentException">A width, a variance or the q-map is out of range.</exception>
    public static NetworkReport Of(IReadOnlyList<int> widths, IReadOnlyList<double> weightVariances, Activation f, double sigmaB2,
        string weights, double inputSecondMoment, double outputGradientStd)
    {
        double top = outputGradientStd * outputGradientStd;
        var meanField = NetworkTheory.Predict(widths, weightVariances, f, inputSecondMoment, top, sigmaB2);
        var linear = LinearTheory.Predict(widths, weightVariances, inputSecondMoment, top);
        var rows = meanField.Select((p, l) =>
        {
            double sigmaW2 = widths[l] * weightVariances[l];
            return new Row(p.Layer, sigmaW2, p.PreActivationVariance, p.ActivationStd, Math.Sqrt(linear[l].ActivationVariance),
                p.BackpropStd, Math.Sqrt(linear[l].BackpropVariance), p.WeightGradientStd, Math.Sqrt(linear[l].WeightGradientVariance),
                sigmaW2 * p.SlopeSquared);
        }).ToList();
        // The depth scales describe a stack of equal layers: those of the first hidden-to-hidden layer (the input layer's
        // fan-in often differs), or of the only layer.
        int reference = widths.Count > 3 ? 1 : 0;
        DepthScales? scales = null;
        string? note = null;
        try { scales = DepthScales.Of(f, widths[reference] * weightVariances[reference], sigmaB2); }
        catch (ArgumentException ex) { note = ex.Message; }
        return new NetworkReport(f.ToString(), weights, widths, sigmaB2, inputSecondMoment, outputGradientStd, scales, note, rows);
    }
}
