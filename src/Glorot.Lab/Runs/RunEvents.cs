using Glorot.Lab.Claims;
using Glorot.Lab.TensorBoard;
using Glorot.Nn;
using Glorot.Probes;
using Event = Glorot.Lab.TensorBoard.Proto.Event;
using HistogramProto = Glorot.Lab.TensorBoard.Proto.HistogramProto;
using ProbeSummary = Glorot.Probes.Summary;
using TbSummary = Glorot.Lab.TensorBoard.Proto.Summary;

namespace Glorot.Lab.Runs;

/// <summary>
/// What a run shows in TensorBoard, as <c>Event</c> protos: the rows of metrics.csv as scalars, and each probe record
/// as per-layer scalars and histograms. Layers are numbered as in the probes (layer_1 = the first hidden layer, the
/// paper's "Layer 1"); docs/LAB.md, "TensorBoard", lists the tags.
/// </summary>
internal static class RunEvents
{
    /// <summary>One metrics.csv row: loss/… and error/… for train (when there were updates since the last row), validation and test.</summary>
    public static Event Metrics(long step, double? trainLoss, double? trainError, double validationLoss, double validationError,
        double testLoss, double testError)
    {
        var summary = new TbSummary();
        if (trainLoss is { } tl) summary.Value.Add(Scalar("loss/train", tl));
        if (trainError is { } te) summary.Value.Add(Scalar("error/train", te));
        summary.Value.Add(Scalar("loss/validation", validationLoss));
        summary.Value.Add(Scalar("error/validation", validationError));
        summary.Value.Add(Scalar("loss/test", testLoss));
        summary.Value.Add(Scalar("error/test", testError));
        return new Event { WallTime = EventFile.Now, Step = step, Summary = summary };
    }

    /// <summary>
    /// One probe record: per hidden layer the std of the activations, back-propagated gradients dL/ds and weight
    /// gradients dL/dW, the saturation fraction (|z| &gt; 0.9, as claim 4 counts it from the activation histogram),
    /// the record's n_in·Var(W) and n_out·Var(W) (<c>n_in_var_w</c>, <c>n_out_var_w</c>: 1 under eqs. 10 and 11; the
    /// older tag <c>n_var_w</c> repeats n_in·Var(W) and also covers the output layer, from <paramref name="mlp"/>), and
    /// the between-layer variance ratios of <see cref="LayerConditions"/> (<c>activation_var_ratio</c> from layer 2 up,
    /// <c>gradient_var_ratio</c> below the top hidden layer); and the histograms of s, z, dL/ds and dL/dW with the
    /// probe's bins.
    /// </summary>
    public static Event Probe(ProbeRecord record, Mlp mlp)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mlp);
        var summary = new TbSummary();
        foreach (var l in record.Layers)
        {
            string layer = $"layer_{l.Layer}";
            summary.Value.Add(Scalar($"activation_std/{layer}", l.Activations.Std));
            summary.Value.Add(Scalar($"backprop_gradient_std/{layer}", l.BackpropGradients.Std));
            if (l.WeightGradients is { } wg) summary.Value.Add(Scalar($"weight_gradient_std/{layer}", wg.Std));
            summary.Value.Add(Scalar($"saturation/{layer}", SaturationFraction(l.Activations.Histogram)));
        }
        foreach (var l in record.Layers)
            summary.Value.Add(Scalar($"n_var_w/layer_{l.Layer}", l.FanInWeightVariance));
        int top = mlp.LayerCount - 1;
        summary.Value.Add(Scalar("n_var_w/output", mlp.FanIn(top) * LayerConditions.WeightVariance(mlp, top)));
        for (int i = 0; i < record.Layers.Count; i++)
        {
            var l = record.Layers[i];
            string layer = $"layer_{l.Layer}";
            summary.Value.Add(Scalar($"n_in_var_w/{layer}", l.FanInWeightVariance));
            summary.Value.Add(Scalar($"n_out_var_w/{layer}", l.FanOutWeightVariance));
            if (LayerConditions.ActivationVarianceRatio(record, i) is { } a) summary.Value.Add(Scalar($"activation_var_ratio/{layer}", a));
            if (LayerConditions.GradientVarianceRatio(record, i) is { } g) summary.Value.Add(Scalar($"gradient_var_ratio/{layer}", g));
        }
        foreach (var l in record.Layers)
        {
            string layer = $"layer_{l.Layer}";
            summary.Value.Add(Histogram($"pre_activation/{layer}", l.PreActivations));
            summary.Value.Add(Histogram($"activation/{layer}", l.Activations));
            summary.Value.Add(Histogram($"backprop_gradient/{layer}", l.BackpropGradients));
            if (l.WeightGradients is { } wg) summary.Value.Add(Histogram($"weight_gradient/{layer}", wg));
        }
        return new Event { WallTime = EventFile.Now, Step = record.Step, Summary = summary };
    }

    /// <summary>The fraction of values beyond ±0.9 in <paramref name="histogram"/>, read as claim 4 reads it.</summary>
    public static double SaturationFraction(Histogram histogram)
    {
        var density = histogram.Density();
        return SaturationClaims.LargeFraction([.. Enumerable.Range(0, histogram.BinCount)
            .Select(i => new HistogramBin(0, 0, "activation", histogram.Edge(i), histogram.Edge(i + 1), density[i]))]);
    }

    private static TbSummary.Types.Value Scalar(string tag, double value) => new() { Tag = tag, SimpleValue = (float)value };

    /// <summary>
    /// A probe summary as TensorBoard's HistogramProto: one bucket per probe bin, its right edge as the limit (bucket i
    /// holds (limit i−1, limit i]; TensorBoard draws the first from min and the last to max); values below or above
    /// the probe's range, when there are any, get a bucket of their own before or after. min, max, num, sum and
    /// sum_squares are over the finite values.
    /// </summary>
    public static TbSummary.Types.Value Histogram(string tag, ProbeSummary summary)
    {
        var h = summary.Histogram;
        var proto = new HistogramProto
        {
            Min = summary.Count == 0 ? 0 : summary.Min,
            Max = summary.Count == 0 ? 0 : summary.Max,
            Num = summary.Count,
            Sum = summary.Count == 0 ? 0 : summary.Mean * summary.Count,
            SumSquares = summary.Count == 0 ? 0 : summary.SecondMoment * summary.Count,
        };
        if (h.Below > 0)
        {
            proto.BucketLimit.Add(h.Low);
            proto.Bucket.Add(h.Below);
        }
        for (int i = 0; i < h.BinCount; i++)
        {
            proto.BucketLimit.Add(h.Edge(i + 1));
            proto.Bucket.Add(h.Counts[i]);
        }
        if (h.Above > 0)
        {
            proto.BucketLimit.Add(double.MaxValue);
            proto.Bucket.Add(h.Above);
        }
        return new TbSummary.Types.Value { Tag = tag, Histo = proto };
    }
}
