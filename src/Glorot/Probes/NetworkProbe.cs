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
    private float[][]? _s, _z, _ds;
    private float[]? _outputGradient, _input;
    private int _bufferedExamples;

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

        EnsureBuffers(n);
        var (s, z, ds, outputGradient) = (_s!, _z!, _ds!, _outputGradient!);
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

        // Every summary below reads the stored s, z, dL/ds and writes only its own slot, so the pieces run on the
        // pass's threads in any order and on any thread with the same bits (docs/ENGINE.md "Threads").
        var input = _input!;
        inputs.CopyTo(input);
        var pre = new Summary[hidden];
        var act = new Summary[hidden];
        var back = new Summary[hidden];
        var weightGradients = new Summary?[hidden];
        var absP98 = new double[hidden];
        var weightVariance = new double[hidden];
        Summary? inputSummary = null, outputSummary = null;
        var (zLow, zHigh) = ActivationRange(_mlp.HiddenActivation);
        var pieces = new List<Action>();
        // The costliest first (docs/BENCHMARKS.md "Where a reproduction's time goes"), so the last piece claimed is short.
        if (Options.WeightGradientBatches > 0)
            for (int l = 0; l < hidden; l++)
            {
                int layer = l;
                pieces.Add(() => weightGradients[layer] = WeightGradients(ds[layer], layer == 0 ? input : z[layer - 1],
                    _mlp.FanIn(layer), _mlp.FanOut(layer), n));
            }
        for (int l = 0; l < hidden; l++)
        {
            int layer = l;
            pieces.Add(() => weightVariance[layer] = LayerConditions.WeightVariance(_mlp, layer));
            pieces.Add(() => absP98[layer] = AbsPercentile(z[layer], 98));
            pieces.Add(() => pre[layer] = Summary.Of(s[layer], Options.Bins));
            pieces.Add(() => act[layer] = zLow is null ? Summary.Of(z[layer], Options.Bins) : Summary.Of(z[layer], Options.Bins, zLow, zHigh));
            pieces.Add(() => back[layer] = Summary.Of(ds[layer], Options.Bins));
        }
        pieces.Add(() => inputSummary = Summary.Of(input, Options.Bins));
        pieces.Add(() => outputSummary = Summary.Of(outputGradient, Options.Bins));
        ProbePieces.Run(pieces, _pass.Threads == 0 ? Compute.Threads : _pass.Threads);

        var layers = new LayerProbe[hidden];
        for (int l = 0; l < hidden; l++)
        {
            double? jacobian = null;
            int jacobianExamples = Math.Min(Options.JacobianExamples, n);
            if (jacobianExamples > 0)
                jacobian = MeanJacobianSingularValue(_mlp.CopyWeight(l),
                    s[l], _mlp.FanIn(l), _mlp.FanOut(l), jacobianExamples);
            layers[l] = new LayerProbe(l + 1, _mlp.FanIn(l), _mlp.FanOut(l), pre[l], act[l], back[l], weightGradients[l],
                Options.WeightGradientBatchSize, jacobian, jacobianExamples, absP98[l], weightVariance[l]);
        }
        return new ProbeRecord(step, n, lossSum / n, (double)correct / n, inputSummary!, outputSummary!, layers);
    }

    // s, z, dL/ds of every hidden layer for the whole probe set, kept between probes of the same size (18 MB for
    // 300 examples and 5 × 1000 units: allocating them anew each probe cost a garbage collection's worth of time).
    private void EnsureBuffers(int n)
    {
        if (_bufferedExamples == n) return;
        int hidden = _mlp.LayerCount - 1;
        _s = new float[hidden][];
        _z = new float[hidden][];
        _ds = new float[hidden][];
        for (int l = 0; l < hidden; l++)
        {
            int width = _mlp.FanOut(l);
            _s[l] = new float[n * width];
            _z[l] = new float[n * width];
            _ds[l] = new float[n * width];
        }
        _outputGradient = new float[n * _mlp.Widths[^1]];
        _input = new float[n * _mlp.Widths[0]];
        _bufferedExamples = n;
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
