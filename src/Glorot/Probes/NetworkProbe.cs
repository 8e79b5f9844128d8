using Glorot.Kernels;
using Glorot.Nn;
using Glorot.Numerics;

namespace Glorot.Probes;

/// <summary>
/// Looks inside an <see cref="Mlp"/> on a fixed probe set without training it: forward and backward over the
/// probe examples (in chunks), then per hidden layer the statistics of Glorot &amp; Bengio (2010) §3–4 — activations
/// z, pre-activations s, per-example back-propagated gradients dL/ds, weight gradients dL/dW, the variance of the
/// weights (for n_in·Var(W) and n_out·Var(W), eqs. 10–11), and optionally the mean singular value of the layer Jacobian. The weights are never written.
/// </summary>
/// <remarks>
/// Memory: the probe's own pass (3·chunk·Σwidths floats) plus s, z, dL/ds of every hidden layer for the whole
/// probe set (3·N·Σhidden floats: 18 MB for 300 examples and 5 × 1000 units), plus one fan_in × fan_out
/// gradient. Time: one forward and backward over the probe set; exact percentiles select among N·n values per
/// quantity (O(N·n)); per-example weight gradients (the default) are summarized without forming them
/// (<see cref="OuterProductSummary"/>: about fan_out·(bins spanned)·log fan_in products each instead of
/// fan_in·fan_out), batches of more than one example cost <see cref="ProbeOptions.WeightGradientBatches"/> GEMMs
/// and two passes over fan_in·fan_out values per layer (the range is only known after the first); Jacobians, when
/// on, a double-precision eigen-decomposition per layer and example (docs/BENCHMARKS.md).
/// Keep one instance per network for repeated probes (its pass's buffers are reused). Not thread-safe; do not
/// probe while another thread trains the same network.
/// </remarks>
public sealed class NetworkProbe
{
    private readonly Mlp _mlp;
    private readonly NetworkPass _pass;

    /// <summary>A probe of <paramref name="mlp"/> (which it reads, never trains).</summary>
    public NetworkProbe(Mlp mlp, ProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        Options = options ?? new ProbeOptions();
        Options.Validate();
        _mlp = mlp;
        _pass = new NetworkPass(mlp, Options.ChunkSize);
    }

    /// <summary>The settings.</summary>
    public ProbeOptions Options { get; }

    /// <summary>The network probed.</summary>
    public Mlp Model => _mlp;

    /// <summary>
    /// Probes a trainer's network once, labelling the record with the trainer's <see cref="SgdTrainer.StepCount"/>
    /// (a new probe each call: for a schedule of probes keep a <see cref="NetworkProbe"/>).
    /// </summary>
    public static ProbeRecord Measure(SgdTrainer trainer, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, ProbeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        return new NetworkProbe(trainer.Model, options).Measure(inputs, labels, trainer.StepCount);
    }

    /// <summary>
    /// Measures the network on the probe set. inputs: (N × n₀) row-major; labels: (N). <paramref name="step"/> only
    /// labels the record.
    /// </summary>
    public ProbeRecord Measure(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, long step = 0)
    {
        int n = labels.Length, n0 = _mlp.Widths[0], hidden = _mlp.LayerCount - 1, classes = _mlp.Widths[^1];
        if (n == 0) throw new ArgumentException("The probe set is empty.", nameof(labels));
        if (inputs.Length != (long)n * n0)
            throw new ArgumentException($"The probe inputs hold {inputs.Length} values; {n} examples of {n0} need {(long)n * n0}.", nameof(inputs));
        foreach (int y in labels)
            if ((uint)y >= (uint)classes) throw new ArgumentException($"Label {y} is outside 0..{classes - 1}.", nameof(labels));

        var s = new float[hidden][];
        var z = new float[hidden][];
        var ds = new float[hidden][];
        for (int l = 0; l < hidden; l++)
        {
            int width = _mlp.FanOut(l);
            s[l] = new float[n * width];
            z[l] = new float[n * width];
            ds[l] = new float[n * width];
        }
        var outputGradient = new float[n * classes];
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < n; start += Options.ChunkSize)
        {
            int rows = Math.Min(Options.ChunkSize, n - start);
            var x = inputs.Slice(start * n0, rows * n0);
            var y = labels.Slice(start, rows);
            lossSum += _pass.ComputeGradients(x, y) * rows;
            correct += Classification.CountCorrect(_pass.Outputs(_mlp.LayerCount - 1), y, classes);
            for (int l = 0; l < hidden; l++)
            {
                int width = _mlp.FanOut(l);
                _pass.PreActivations(l).CopyTo(s[l].AsSpan(start * width));
                _pass.Outputs(l).CopyTo(z[l].AsSpan(start * width));
                _pass.PreActivationGradients(l).CopyTo(ds[l].AsSpan(start * width));
            }
            _pass.PreActivationGradients(_mlp.LayerCount - 1).CopyTo(outputGradient.AsSpan(start * classes));
        }

        var layers = new LayerProbe[hidden];
        float[]? inputArray = null;
        for (int l = 0; l < hidden; l++)
        {
            var (zLow, zHigh) = ActivationRange(_mlp.HiddenActivation);
            var zSummary = zLow is null ? Summary.Of(z[l], Options.Bins) : Summary.Of(z[l], Options.Bins, zLow, zHigh);
            float[] layerInput = l == 0 ? inputArray ??= inputs.ToArray() : z[l - 1];
            var weightGradients = Options.WeightGradientBatches == 0 ? null
                : WeightGradients(ds[l], layerInput, _mlp.FanIn(l), _mlp.FanOut(l), n);
            double? jacobian = null;
            int jacobianExamples = Math.Min(Options.JacobianExamples, n);
            if (jacobianExamples > 0)
                jacobian = MeanJacobianSingularValue(_mlp.CopyWeight(l),
                    s[l], _mlp.FanIn(l), _mlp.FanOut(l), jacobianExamples);
            layers[l] = new LayerProbe(l + 1, _mlp.FanIn(l), _mlp.FanOut(l), Summary.Of(s[l], Options.Bins), zSummary,
                Summary.Of(ds[l], Options.Bins), weightGradients, Options.WeightGradientBatchSize, jacobian, jacobianExamples,
                AbsPercentile(z[l], 98), LayerConditions.WeightVariance(_mlp, l));
        }
        return new ProbeRecord(step, n, lossSum / n, (double)correct / n, Summary.Of(inputs, Options.Bins),
            Summary.Of(outputGradient, Options.Bins), layers);
    }

    /// <summary>
    /// The fixed histogram range of a bounded activation's output (<see cref="ActivationInfo.OutputRange"/> when both
    /// ends are known: tanh and softsign [−1, 1], sigmoid [0, 1]), or nulls for one unbounded on either side.
    /// </summary>
    public static (double? Low, double? High) ActivationRange(Activation f) =>
        f.Info.OutputRange is (double low, double high) ? (low, high) : (null, null);

    // dL/dW of batches of B consecutive probe examples: (1/B)·dSᵀ·z_prev (out × in), pooled over the batches.
    private Summary WeightGradients(float[] ds, float[] layerInput, int fanIn, int fanOut, int n)
    {
        int b = Options.WeightGradientBatchSize;
        int batches = Math.Min(Options.WeightGradientBatches, n / b);
        if (batches == 0) batches = 1;
        int rows = Math.Min(b, n);
        float[]? gradient = null; // formed only where the statistics need the matrices (4 MB per 1000² layer)
        var moments = new StreamingMoments();
        var sketch = new LogHistogram(Options.SketchAlpha);
        if (rows == 1)
        {
            // A per-example gradient is the outer product δ·zᵀ, so max|dW| = max|δ|·max|z| is known before any
            // product is formed: one pass (the 1e-6 margin covers the float rounding of each product).
            double bound = 0;
            for (int k = 0; k < batches; k++)
                bound = Math.Max(bound, MaxAbs(ds.AsSpan(k * fanOut, fanOut)) * MaxAbs(layerInput.AsSpan(k * fanIn, fanIn)));
            var single = bound > 0 ? new Histogram(-bound * (1 + 1e-6), bound * (1 + 1e-6), Options.Bins) : new Histogram(-1, 1, Options.Bins);
            // Finite inputs: the same statistics without forming the matrices (docs/BENCHMARKS.md "Probes": ≈ 10× cheaper).
            var outer = new OuterProductSummary(single);
            bool factored = true;
            for (int k = 0; k < batches && factored; k++)
                factored = outer.Accepts(ds.AsSpan(k * fanOut, fanOut), layerInput.AsSpan(k * fanIn, fanIn));
            if (factored)
            {
                for (int k = 0; k < batches; k++)
                    outer.Add(ds.AsSpan(k * fanOut, fanOut), layerInput.AsSpan(k * fanIn, fanIn)); // each accepted above
                return Summary.From(outer.Moments, outer.SketchQuantile(0.01, Options.SketchAlpha),
                    outer.SketchQuantile(0.99, Options.SketchAlpha), Options.SketchAlpha, outer.Histogram);
            }
            // Some value is not finite: form each gradient so that NaN and ±∞ entries are counted as always.
            for (int k = 0; k < batches; k++)
            {
                var g = Compute(k);
                moments.Add(g);
                sketch.Add(g);
                single.Add(g);
            }
            return Summary.From(moments, sketch.Quantile(0.01), sketch.Quantile(0.99), Options.SketchAlpha, single);
        }
        for (int k = 0; k < batches; k++)
        {
            var g = Compute(k);
            moments.Add(g);
            sketch.Add(g);
        }
        var (low, high) = Summary.SymmetricRange(moments);
        var histogram = new Histogram(low, high, Options.Bins);
        // Second pass for the histogram, whose range (±max|dW|) is only known after the first.
        for (int k = 0; k < batches; k++) histogram.Add(Compute(k));
        return Summary.From(moments, sketch.Quantile(0.01), sketch.Quantile(0.99), Options.SketchAlpha, histogram);

        float[] Compute(int k)
        {
            gradient ??= new float[fanOut * fanIn];
            Gemm.Multiply(true, false, fanOut, fanIn, rows, 1f / rows, ds.AsSpan(k * rows * fanOut, rows * fanOut), fanOut,
                layerInput.AsSpan(k * rows * fanIn, rows * fanIn), fanIn, 0f, gradient, fanIn);
            return gradient;
        }
    }

    // Percentile of |x|: one more selection over a copy of the layer's values (O(N·n)).
    private static double AbsPercentile(float[] values, double percent)
    {
        var magnitudes = new float[values.Length];
        System.Numerics.Tensors.TensorPrimitives.Abs(values, magnitudes);
        return Percentiles.Of(magnitudes, percent);
    }

    private static double MaxAbs(ReadOnlySpan<float> values) =>
        values.IsEmpty ? 0 : System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(values) is var m && float.IsFinite(m) ? Math.Abs(m) : 0;

    private double MeanJacobianSingularValue(ReadOnlySpan<float> w, float[] s, int fanIn, int fanOut, int examples)
    {
        var f = _mlp.HiddenActivation;
        var slopes = new float[fanOut];
        double sum = 0;
        for (int e = 0; e < examples; e++)
        {
            for (int u = 0; u < fanOut; u++) slopes[u] = (float)f.Derivative(s[e * fanOut + u]);
            sum += JacobianSpectrum.MeanSingularValue(w, fanOut, fanIn, slopes);
        }
        return sum / examples;
    }
}
