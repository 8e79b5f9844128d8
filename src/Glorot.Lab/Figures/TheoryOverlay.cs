using Glorot.Data;
using Glorot.Init;
using Glorot.Lab.Runs;
using Glorot.Theory;
using MathNet.Numerics.Distributions;

namespace Glorot.Lab.Figures;

/// <summary>
/// What the theory predicts for a run's network at one probe: mean field (<see cref="NetworkTheory"/>, Poole et al.
/// 2016) and the linear regime (<see cref="LinearTheory"/>, Glorot &amp; Bengio 2010 eqs. 5–7), started from the
/// E[x²] and output-layer dL/ds the probe measured, with the spec's initializers' Var[W]. Drawn over Figs. 6–8 and
/// set beside the Jacobian table.
/// </summary>
internal sealed class TheoryOverlay
{
    private TheoryOverlay(Activation activation, IReadOnlyList<LayerPrediction> meanField, IReadOnlyList<LinearPrediction> linear)
    {
        Activation = activation;
        MeanField = meanField;
        Linear = linear;
    }

    /// <summary>The hidden activation.</summary>
    public Activation Activation { get; }

    /// <summary>Mean-field predictions per hidden layer.</summary>
    public IReadOnlyList<LayerPrediction> MeanField { get; }

    /// <summary>Eqs. 5–7 per hidden layer.</summary>
    public IReadOnlyList<LinearPrediction> Linear { get; }

    /// <summary>
    /// The predictions for <paramref name="run"/> at its probe of update <paramref name="step"/>; null where they cannot
    /// be made: a data-dependent init (LSUV), or a data set whose files are gone (its input width is read from them).
    /// </summary>
    public static TheoryOverlay? Of(RunDirectory run, long step)
    {
        var spec = RunSpecJson.Load(run.Spec);
        if (spec.Init.IsLsuv) return null;
        int inputs, classes;
        try
        {
            var train = DatasetCatalog.Open(spec.Dataset, new DatasetOptions(spec.DataPath, spec.InputScaling, spec.Seed)).Train;
            (inputs, classes) = (train.InputSize, train.ClassCount);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException)
        {
            return null;
        }
        var probe = RunTables.Probes(run).Where(r => r.Step == step && r.Layer == 0).ToList();
        var input = probe.FirstOrDefault(r => r.Quantity == "input");
        var output = probe.FirstOrDefault(r => r.Quantity == "output_gradient");
        if (input is null || output is null) return null;
        int[] widths = [inputs, .. spec.Hidden, classes];
        var variances = NetworkTheory.WeightVariances(spec.Init.Create(spec.InitOptions()), widths);
        if (spec.OutputInit is { } top) variances[^1] = NetworkTheory.WeightVariances(top.Create(), widths)[^1];
        double m2 = SecondMoment(input), g2 = SecondMoment(output);
        var activation = spec.Activation;
        return new TheoryOverlay(activation, NetworkTheory.Predict(widths, variances, activation, m2, g2),
            LinearTheory.Predict(widths, variances, m2, g2));
    }

    /// <summary>
    /// Predicted density of <paramref name="quantity"/> (activation, backprop_gradient, weight_gradient) of hidden layer
    /// <paramref name="layer"/> averaged over the bin [<paramref name="low"/>, <paramref name="high"/>), as the measured
    /// histograms are: mean field and eqs. 5–7. Activations in mean field are z = φ(s), s ~ N(0, q), so the bin's mass
    /// is Φ(φ⁻¹(high)/√q) − Φ(φ⁻¹(low)/√q) (NaN for a φ that is not monotone, GELU); eqs. 5–7 and the gradients give
    /// only a variance, drawn as a centred Gaussian of it.
    /// </summary>
    public (double MeanField, double Linear) Density(string quantity, int layer, double low, double high)
    {
        var p = MeanField[layer - 1];
        var lin = Linear[layer - 1];
        double width = high - low;
        double Gaussian(double std) => std > 0 ? (Normal.CDF(0, std, high) - Normal.CDF(0, std, low)) / width : double.NaN;
        return quantity switch
        {
            "activation" => (ActivationMass(p.PreActivationVariance, low, high) / width, Gaussian(Math.Sqrt(lin.ActivationVariance))),
            "backprop_gradient" => (Gaussian(p.BackpropStd), Gaussian(Math.Sqrt(lin.BackpropVariance))),
            "weight_gradient" => (Gaussian(p.WeightGradientStd), Gaussian(Math.Sqrt(lin.WeightGradientVariance))),
            _ => throw new ArgumentException($"No prediction for '{quantity}'."),
        };
    }

    private static double SecondMoment(ProbeRow r) => r.Std * r.Std + r.Mean * r.Mean;

    // P(low ≤ φ(s) < high), s ~ N(0, q), for non-decreasing φ.
    private double ActivationMass(double q, double low, double high)
    {
        if (!Activation.Info.IsMonotone || !(q > 0)) return double.NaN;
        double r = Math.Sqrt(q);
        return Normal.CDF(0, 1, Preimage(high) / r) - Normal.CDF(0, 1, Preimage(low) / r);
    }

    // sup{x : φ(x) ≤ y} by bisection on ±50 (beyond it every φ of the engine is flat or linear): ±∞ outside φ's range.
    private double Preimage(double y)
    {
        const double range = 50;
        if (Activation.Forward(-range) > y) return double.NegativeInfinity;
        if (Activation.Forward(range) <= y) return double.PositiveInfinity;
        double lo = -range, hi = range;
        for (int i = 0; i < 80; i++)
        {
            double mid = (lo + hi) / 2;
            if (Activation.Forward(mid) <= y) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }
}
