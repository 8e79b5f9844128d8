using System.Buffers;
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
/// Keep one instance per network for repeated probes (its pass's buffers and its s, z, dL/ds are reused). The statistics
/// after the pass run on <see cref="Compute.Threads"/> threads, with the same bits for any count (docs/PROBES.md
/// "What is measured"). Not thread-safe; do not probe while another thread trains the same network.
/// </remarks>
public sealed class NetworkProbe
{
    private readonly Mlp _mlp;
    private readonly NetworkPass _pass;
    private float[][]? _s, _z, _ds;
    private float[]? _outputGradient, _input;
    private int _bufferedExamples;

    // Examples per piece of a layer's weight-gradient row counting: the lab's 30 make 3 pieces of 10,000 rows per
    // 1000-wide layer, small enough that two threads finish a round together, large enough that a hand-off is noise.
    private const int ExamplesPerCountingPiece = 10;

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
        var absP98 = new double[hidden];
        var weightVariance = new double[hidden];
        Summary? inputSummary = null, outputSummary = null;
        var (zLow, zHigh) = ActivationRange(_mlp.HiddenActivation);
        var weightGradients = Options.WeightGradientBatches == 0 ? []
            : Enumerable.Range(0, hidden).Select(l => new LayerWeightGradients(Options, ds[l], l == 0 ? input : z[l - 1],
                _mlp.FanIn(l), _mlp.FanOut(l), n)).ToArray();
        int threads = Compute.Threads; // as the pass (whose Threads this probe leaves at 0, inheriting)

        // Three rounds, each finished before the next: the weight gradients' preparation, their row counting, their
        // sketch percentiles (which need the whole histogram). The other summaries fill the first two rounds; the
        // costliest pieces come first in each, so the last one claimed is short.
        var round = weightGradients.Select(w => (Action)w.Prepare).ToList();
        for (int l = 0; l < hidden; l++)
        {
            int layer = l;
            round.Add(() => weightVariance[layer] = WeightVariance(layer));
            round.Add(() => absP98[layer] = AbsPercentile(z[layer], 98));
        }
        ProbePieces.Run(round, threads);

        round = [.. weightGradients.SelectMany(w => w.Counting(ExamplesPerCountingPiece))];
        for (int l = 0; l < hidden; l++)
        {
            int layer = l;
            round.Add(() => pre[layer] = Summary.Of(s[layer], Options.Bins));
            round.Add(() => act[layer] = zLow is null ? Summary.Of(z[layer], Options.Bins) : Summary.Of(z[layer], Options.Bins, zLow, zHigh));
            round.Add(() => back[layer] = Summary.Of(ds[layer], Options.Bins));
        }
        round.Add(() => inputSummary = Summary.Of(input, Options.Bins));
        round.Add(() => outputSummary = Summary.Of(outputGradient, Options.Bins));
        ProbePieces.Run(round, threads);

        ProbePieces.Run([.. weightGradients.SelectMany(w => w.Quantiles())], threads);

        var layers = new LayerProbe[hidden];
        for (int l = 0; l < hidden; l++)
        {
            double? jacobian = null;
            int jacobianExamples = Math.Min(Options.JacobianExamples, n);
            if (jacobianExamples > 0)
                jacobian = MeanJacobianSingularValue(_mlp.CopyWeight(l),
                    s[l], _mlp.FanIn(l), _mlp.FanOut(l), jacobianExamples);
            layers[l] = new LayerProbe(l + 1, _mlp.FanIn(l), _mlp.FanOut(l), pre[l], act[l], back[l], weightGradients.Length == 0 ? null : weightGradients[l].Result(),
                Options.WeightGradientBatchSize, jacobian, jacobianExamples, absP98[l], weightVariance[l]);
        }
        return new ProbeRecord(step, n, lossSum / n, (double)correct / n, inputSummary!, outputSummary!, layers);
    }

    // s, z, dL/ds of every hidden layer for the whole probe set (18 MB for 300 examples and 5 × 1000 units), kept
    // between probes of the same size: a run probes a few hundred times, and each fresh large-object allocation is
    // zeroed memory and garbage-collector work the probe does not need.
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

    // Percentile of |x|: one more selection over a copy of the layer's values (O(N·n)). The copy (1.2 MB for 300
    // examples of 1000 units) and Var(W)'s (4 MB per 1000 × 1000 layer) are rented, not allocated: a run probes a few
    // hundred times, and each fresh large-object array is zeroed memory and collector work that changes no bit. At
    // most one per probe thread is out at a time, and the shared pool keeps them between probes.
    private static double AbsPercentile(float[] values, double percent)
    {
        var rented = ArrayPool<float>.Shared.Rent(values.Length);
        try
        {
            var magnitudes = rented.AsSpan(0, values.Length);
            System.Numerics.Tensors.TensorPrimitives.Abs(values, magnitudes);
            return Percentiles.Of(magnitudes, percent);
        }
        finally { ArrayPool<float>.Shared.Return(rented); }
    }

    // n_in·Var(W)'s variance of layer l (LayerConditions.WeightVariance), its copy of W in a rented array (above).
    private double WeightVariance(int layer)
    {
        int count = _mlp.FanIn(layer) * _mlp.FanOut(layer);
        var rented = ArrayPool<float>.Shared.Rent(count);
        try { return LayerConditions.WeightVariance(_mlp, layer, rented.AsSpan(0, count)); }
        finally { ArrayPool<float>.Shared.Return(rented); }
    }

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
