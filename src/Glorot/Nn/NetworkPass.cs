using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// Runs an <see cref="Mlp"/> on batches — forward, softmax-NLL, backward — and keeps what every layer saw in the
/// last batch: the input, s (pre-activation), z (activation) and dL/ds of each layer, with dL/dW and dL/db on
/// demand. It never writes a parameter: evaluation, probes, LSUV and Jacobians use it directly, and
/// <see cref="SgdTrainer"/> adds the update on top. All per-batch buffers are allocated once, here.
/// </summary>
/// <remarks>
/// Gradients are those of the batch-mean loss L = (1/B) Σ_b −log P(y_b|x_b). <see cref="PreActivationGradients"/>
/// holds the per-example rows ∂(−log P(y_b|x_b))/∂s_b (no 1/B), the quantity of Glorot &amp; Bengio (2010) Fig. 7;
/// <see cref="WeightGradient"/> returns dL/dW = (1/B) dSᵀ·z_prev, the batch mean, as PyTorch's .grad would.
/// </remarks>
public sealed class NetworkPass
{
    private readonly Mlp _mlp;
    private readonly float[] _buffers; // input copy, then s, z, ds of each layer: one allocation
    private readonly int[] _sOffsets;
    private readonly int _classes;

    /// <summary>A pass of <paramref name="mlp"/> for batches of up to <paramref name="batchSize"/> examples.</summary>
    public NetworkPass(Mlp mlp, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        _mlp = mlp;
        BatchSize = batchSize;
        _classes = mlp.Widths[^1];
        _sOffsets = new int[mlp.LayerCount];
        if (TrainingMemory.BatchFloats(mlp.Widths, batchSize) > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                $"A batch of {batchSize} through {string.Join("-", mlp.Widths)} needs more buffer than one array holds; use a smaller batch.");
        long offset = (long)batchSize * mlp.Widths[0];
        for (int l = 0; l < mlp.LayerCount; l++)
        {
            _sOffsets[l] = (int)offset;
            offset += 3L * batchSize * mlp.FanOut(l);
        }
        _buffers = new float[offset];
    }

    /// <summary>The network run.</summary>
    public Mlp Model => _mlp;

    /// <summary>The largest batch a pass accepts.</summary>
    public int BatchSize { get; }

    /// <summary>Rows in the last batch seen by <see cref="Forward"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>
    /// Compute threads for this pass: 0 (the default) inherits <see cref="Compute.Threads"/> (an enclosing
    /// <see cref="Compute.Use"/> scope, else <see cref="Compute.DefaultThreads"/>), else 1 … <see cref="Compute.MaxThreads"/>.
    /// Passes on different threads each get their own workers. Results are bit-identical whatever the count.
    /// </summary>
    public int Threads
    {
        get => _threads;
        set => _threads = value is >= 0 and <= Compute.MaxThreads ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Threads must be 0 (the default) or 1 to {Compute.MaxThreads}.");
    }

    private int _threads;

    // 0 leaves whatever thread count is in force (an enclosing scope, or the process default).
    internal Compute.Scope UseThreads() => Compute.Use(_threads == 0 ? Compute.Threads : _threads);

    /// <summary>inputs: (rows × inputs). Runs the forward pass and returns the logits (rows × classes).</summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> inputs, int rows)
    {
        if (rows <= 0 || rows > BatchSize)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A batch holds 1..{BatchSize} rows.");
        if (inputs.Length != rows * _mlp.Widths[0])
            throw new ArgumentException($"Inputs hold {inputs.Length} values; {rows} rows of {_mlp.Widths[0]} need {rows * _mlp.Widths[0]}.", nameof(inputs));
        using var threads = UseThreads();
        Rows = rows;
        inputs.CopyTo(_buffers);
        for (int l = 0; l < _mlp.LayerCount; l++)
            DenseLayer.Forward(LayerInput(l), _mlp.PackedWeight(l), _mlp.Bias(l), _mlp.LayerActivation(l), S(l), Z(l), rows);
        return Z(_mlp.LayerCount - 1);
    }

    /// <summary>
    /// Softmax-NLL of the last forward pass against <paramref name="labels"/> (one per row): returns the batch-mean
    /// loss (possibly non-finite) and counts the correct predictions; the output layer's dL/ds is set, ready for
    /// <see cref="Backward"/>.
    /// </summary>
    public double Loss(ReadOnlySpan<int> labels, out int correct)
    {
        RequireBatch();
        if (labels.Length != Rows)
            throw new ArgumentException($"{labels.Length} labels for a batch of {Rows} rows.", nameof(labels));
        int last = _mlp.LayerCount - 1;
        double sum = SoftmaxCrossEntropy.LossAndGradient(Z(last), labels, _classes, Ds(last), out correct);
        return sum / Rows;
    }

    /// <summary>Forward and loss on one batch: inputs (rows × inputs), labels (rows), 1 ≤ rows ≤ <see cref="BatchSize"/>.</summary>
    internal double ForwardLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, out int correct)
    {
        Forward(inputs, labels.Length);
        return Loss(labels, out correct);
    }

    /// <summary>
    /// Forward pass and loss only on a data set of any length: inputs (n × inputs), labels (n), taken in batches of
    /// at most <see cref="BatchSize"/> rows. Returns the mean loss over the n examples and counts the correct
    /// predictions. Overwrites s and z (and the output layer's dL/ds) with those of the last batch.
    /// </summary>
    public double Evaluate(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, out int correct)
    {
        using var threads = UseThreads();
        int n = labels.Length, width = _mlp.Widths[0];
        if (n == 0) throw new ArgumentException("Evaluate needs at least one example.", nameof(labels));
        if (inputs.Length != (long)n * width)
            throw new ArgumentException($"Inputs hold {inputs.Length} values; {n} rows of {width} need {(long)n * width}.", nameof(inputs));
        // One batch: the loss exactly as a training step computes it (no rescaling that could move its last bit).
        if (n <= BatchSize) return ForwardLoss(inputs, labels, out correct);
        double lossSum = 0;
        correct = 0;
        for (int first = 0; first < n; first += BatchSize)
        {
            int rows = Math.Min(BatchSize, n - first);
            lossSum += ForwardLoss(inputs.Slice(first * width, rows * width), labels.Slice(first, rows), out int c) * rows;
            correct += c;
        }
        return lossSum / n;
    }

    /// <summary>
    /// Forward, softmax-NLL and backward on a batch: afterwards <see cref="PreActivations"/>, <see cref="Outputs"/>,
    /// <see cref="PreActivationGradients"/> hold this batch's s, z and per-example dL/ds of every layer, and
    /// <see cref="WeightGradient"/> / <see cref="BiasGradient"/> give its dL/dW and dL/db. inputs: (rows × inputs);
    /// labels: (rows), 1 ≤ rows ≤ <see cref="BatchSize"/>. Returns the batch-mean loss (which may be non-finite;
    /// nothing is thrown). The same arithmetic as <see cref="SgdTrainer.Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/>
    /// without the update, so these dL/ds equal bit for bit those a step computes.
    /// </summary>
    public double ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        using var threads = UseThreads();
        double loss = ForwardLoss(inputs, labels, out _);
        Backward();
        return loss;
    }

    /// <summary>
    /// Back-propagation of the last <see cref="Loss"/> from the output layer down (Glorot &amp; Bengio 2010 eq. 2:
    /// ∂C/∂s^l = f′(s^l) ⊙ (∂C/∂s^{l+1}·W^{l+1})): every layer's dL/ds, no parameter touched.
    /// </summary>
    public void Backward()
    {
        RequireBatch();
        using var threads = UseThreads();
        for (int l = _mlp.LayerCount - 1; l >= 0; l--)
        {
            BackwardActivation(l);
            if (l > 0) BackwardData(l);
        }
    }

    /// <summary>Layer <paramref name="layer"/>'s dL/ds ← dL/dz ⊙ f′(s), in place (nothing for the identity).</summary>
    internal void BackwardActivation(int layer)
    {
        var f = _mlp.LayerActivation(layer);
        if (f.Kind != ActivationKind.Identity) DenseLayer.BackwardActivation(f, S(layer), Z(layer), Ds(layer));
    }

    /// <summary>dL/dz of layer <paramref name="layer"/> − 1 ← dL/ds·W of layer <paramref name="layer"/> ≥ 1 (W as it is now).</summary>
    internal void BackwardData(int layer) =>
        DenseLayer.BackwardData(Ds(layer), _mlp.PackedWeight(layer), Ds(layer - 1), Rows);

    /// <summary>The inputs of the last batch: (rows × inputs).</summary>
    public ReadOnlySpan<float> Inputs => _buffers.AsSpan(0, Rows * _mlp.Widths[0]);

    /// <summary>s = z_prev·Wᵀ + b of layer <paramref name="layer"/> in the last batch: (rows × out).</summary>
    public ReadOnlySpan<float> PreActivations(int layer) => S(layer);

    /// <summary>z = f(s) of layer <paramref name="layer"/> in the last batch: (rows × out); the logits for the last layer.</summary>
    public ReadOnlySpan<float> Outputs(int layer) => Z(layer);

    /// <summary>Per-example ∂(−log P(y_b|x_b))/∂s_b of layer <paramref name="layer"/> in the last batch: (rows × out).</summary>
    public ReadOnlySpan<float> PreActivationGradients(int layer) => Ds(layer);

    /// <summary>
    /// dL/dW of layer <paramref name="layer"/> for the last batch-mean loss (before any clipping or weight decay):
    /// (out × in) = (1/B)·dSᵀ·z_prev, computed from the stored dL/ds and layer input (one GEMM).
    /// </summary>
    public void WeightGradient(int layer, Span<float> destination)
    {
        int fanIn = _mlp.FanIn(layer), fanOut = _mlp.FanOut(layer);
        if (destination.Length != fanIn * fanOut)
            throw new ArgumentException($"Layer {layer}'s weight gradient has {fanOut}×{fanIn} values.", nameof(destination));
        RequireBatch();
        using var threads = UseThreads();
        Gemm.Multiply(true, false, fanOut, fanIn, Rows, 1f / Rows, Ds(layer), fanOut, LayerInput(layer), fanIn, 0f, destination, fanIn);
    }

    /// <summary>dL/db of layer <paramref name="layer"/>: (out) = (1/B)·Σ_b dL/ds_b.</summary>
    public void BiasGradient(int layer, Span<float> destination)
    {
        int fanOut = _mlp.FanOut(layer);
        if (destination.Length != fanOut)
            throw new ArgumentException($"Layer {layer}'s bias gradient has {fanOut} values.", nameof(destination));
        RequireBatch();
        SgdKernels.ColumnSums(Ds(layer), Rows, fanOut, 1f / Rows, 0f, destination);
    }

    /// <summary>
    /// The first (0-based) dense layer whose s or z in the last batch holds NaN or ±∞, or null when all are finite.
    /// </summary>
    public int? FirstNonFiniteLayer()
    {
        for (int l = 0; l < _mlp.LayerCount; l++)
            if (!FiniteCheck.All(S(l)) || !FiniteCheck.All(Z(l))) return l;
        return null;
    }

    /// <summary>The input of layer <paramref name="layer"/> in the last batch: the inputs, or z of the layer below.</summary>
    internal ReadOnlySpan<float> LayerInput(int layer) => layer == 0 ? Inputs : Z(layer - 1);

    /// <summary>dL/ds of layer <paramref name="layer"/>, writable.</summary>
    internal Span<float> Ds(int layer) => _buffers.AsSpan(_sOffsets[layer] + 2 * BatchSize * _mlp.FanOut(layer), Rows * _mlp.FanOut(layer));

    private Span<float> S(int layer) => _buffers.AsSpan(_sOffsets[layer], Rows * _mlp.FanOut(layer));

    private Span<float> Z(int layer) => _buffers.AsSpan(_sOffsets[layer] + BatchSize * _mlp.FanOut(layer), Rows * _mlp.FanOut(layer));

    private void RequireBatch()
    {
        if (Rows == 0) throw new InvalidOperationException("No batch has been seen yet; run Forward first.");
    }
}
