using System.Numerics.Tensors;
using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// Trains an <see cref="Mlp"/> with minibatch SGD on softmax + negative log-likelihood, and keeps what every
/// layer saw in the last step for the probes: s (pre-activation), z (activation), dL/ds, and dL/dW on demand.
/// All per-batch buffers are allocated once, here; <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/> allocates nothing.
/// </summary>
/// <remarks>
/// Gradients are those of the batch-mean loss L = (1/B) Σ_b −log P(y_b|x_b). <see cref="PreActivationGradients"/>
/// holds the per-example rows ∂(−log P(y_b|x_b))/∂s_b (no 1/B), the quantity of Glorot &amp; Bengio (2010) Fig. 7;
/// <see cref="WeightGradient"/> returns dL/dW = (1/B) dSᵀ·z_prev, the batch mean, as PyTorch's .grad would.
/// When <see cref="SgdOptions.CanFuseUpdate"/> (plain SGD, optionally with weight decay) the update is fused
/// into the weight-gradient GEMM (W ← (1 − ελ)·W − (ε/B)·dSᵀ·z_prev) and no gradient array exists; otherwise
/// gradients go into arrays laid out like the packed weights, are clipped, then applied in one element-wise pass.
/// Divergence: a non-finite loss stops the step before any update (<see cref="TrainingDivergedException"/>
/// names the step and the first non-finite layer); an update that itself overflows shows up as a non-finite loss
/// at the next step.
/// </remarks>
public sealed class SgdTrainer
{
    private readonly Mlp _mlp;
    private readonly float[] _buffers;      // input copy, then s, z, ds of each layer: one allocation
    private readonly int[] _sOffsets;
    private readonly PackedMatrix[]? _weightGradients; // dL/dWᵀ per layer, packed like Wᵀ; only when not fused
    private readonly float[][]? _biasGradients;
    private readonly PackedMatrix[]? _weightVelocity;  // momentum buffers, only when μ > 0
    private readonly float[][]? _biasVelocity;
    private readonly int _classes;

    /// <summary>A trainer for batches of up to <paramref name="batchSize"/> examples.</summary>
    public SgdTrainer(Mlp mlp, SgdOptions options, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        _mlp = mlp;
        Options = options;
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
        if (!options.CanFuseUpdate)
        {
            _weightGradients = [.. Enumerable.Range(0, mlp.LayerCount).Select(l => new PackedMatrix(mlp.FanIn(l), mlp.FanOut(l)))];
            _biasGradients = [.. Enumerable.Range(0, mlp.LayerCount).Select(l => new float[mlp.FanOut(l)])];
        }
        if (options.Momentum > 0)
        {
            _weightVelocity = [.. Enumerable.Range(0, mlp.LayerCount).Select(l => new PackedMatrix(mlp.FanIn(l), mlp.FanOut(l)))];
            _biasVelocity = [.. Enumerable.Range(0, mlp.LayerCount).Select(l => new float[mlp.FanOut(l)])];
        }
    }

    /// <summary>The network being trained.</summary>
    public Mlp Model => _mlp;

    /// <summary>The optimizer settings.</summary>
    public SgdOptions Options { get; }

    /// <summary>The largest batch <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/> accepts.</summary>
    public int BatchSize { get; }

    /// <summary>
    /// Updates applied so far: the number of the next update, from which <see cref="SgdOptions.Schedule"/> gives its
    /// learning rate. Set it when continuing from a checkpoint (with <see cref="SetMomentum"/>) so that the run goes on
    /// bit for bit as if it had not stopped.
    /// </summary>
    public long StepCount
    {
        get => _stepCount;
        set => _stepCount = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The step count cannot be negative.");
    }

    private long _stepCount;

    // ε of the update in progress: the schedule's rate at StepCount.
    private float _learningRate;

    /// <summary>Whether the optimizer keeps a momentum buffer v per parameter (μ &gt; 0), which a checkpoint must hold.</summary>
    public bool HasMomentum => _weightVelocity is not null;

    /// <summary>
    /// Copies layer <paramref name="layer"/>'s momentum buffer out: <paramref name="weight"/> (out × in, row-major, as
    /// <see cref="Mlp.Weight"/>) and <paramref name="bias"/> (out); torch.optim.SGD's state["momentum_buffer"].
    /// </summary>
    /// <exception cref="InvalidOperationException">No momentum (<see cref="HasMomentum"/> is false).</exception>
    public void CopyMomentum(int layer, Span<float> weight, Span<float> bias)
    {
        CheckMomentum(layer, weight.Length, bias.Length);
        PackedWeights.UnpackTransposed(_weightVelocity![layer], weight);
        _biasVelocity![layer].CopyTo(bias);
    }

    /// <summary>Sets layer <paramref name="layer"/>'s momentum buffer (the layout of <see cref="CopyMomentum"/>).</summary>
    /// <exception cref="InvalidOperationException">No momentum (<see cref="HasMomentum"/> is false).</exception>
    public void SetMomentum(int layer, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias)
    {
        CheckMomentum(layer, weight.Length, bias.Length);
        _weightVelocity![layer].Pack(weight, _mlp.FanIn(layer), transposed: true);
        bias.CopyTo(_biasVelocity![layer]);
    }

    private void CheckMomentum(int layer, int weights, int biases)
    {
        if (_weightVelocity is null) throw new InvalidOperationException("This trainer has no momentum buffer (momentum 0).");
        if ((uint)layer >= (uint)_mlp.LayerCount) throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Layers are 0..{_mlp.LayerCount - 1}.");
        if (weights != _mlp.FanOut(layer) * _mlp.FanIn(layer) || biases != _mlp.FanOut(layer))
            throw new ArgumentException($"Layer {layer}'s momentum buffer is {_mlp.FanOut(layer)}×{_mlp.FanIn(layer)} weights and {_mlp.FanOut(layer)} biases.");
    }

    /// <summary>Rows in the last batch seen by <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/> or <see cref="Evaluate"/>.</summary>
    public int Rows { get; private set; }

    /// <summary>
    /// One SGD step on a batch: forward, softmax-NLL, backward, update. inputs: (rows × inputs) row-major;
    /// labels: (rows), 1 ≤ rows ≤ <see cref="BatchSize"/>. Returns the batch-mean loss before the update.
    /// Throws <see cref="TrainingDivergedException"/> (parameters untouched) when the loss is not finite.
    /// </summary>
    public double Step(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels) => Step(inputs, labels, out _);

    /// <summary>As <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/>, also counting correct predictions (before the update).</summary>
    public double Step(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, out int correct)
    {
        using var threads = UseThreads();
        double loss = ForwardLoss(inputs, labels, out correct);
        if (!double.IsFinite(loss)) throw Diverged(loss);
        _learningRate = Options.LearningRateAt(StepCount);
        var weights = _mlp.PackedWeightsForUpdate();
        Backward(Rows, weights, update: true);
        if (_weightGradients is not null && !FusesStep) ApplyGradients(weights);
        StepCount++;
        return loss;
    }

    /// <summary>
    /// Back-propagation from the output layer down (Glorot &amp; Bengio 2010 eq. 2: ∂C/∂s^l = f′(s^l) ⊙
    /// (∂C/∂s^{l+1}·W^{l+1})), and with <paramref name="update"/> each layer's weight gradient right after its
    /// data gradient: fused into W (plain SGD) or into the gradient buffers (momentum, clipping).
    /// </summary>
    private void Backward(int rows, PackedMatrix[] weights, bool update)
    {
        float lr = _learningRate;
        for (int l = _mlp.LayerCount - 1; l >= 0; l--)
        {
            var f = _mlp.LayerActivation(l);
            Span<float> ds = Ds(l, rows);
            if (f.Kind != ActivationKind.Identity) DenseLayer.BackwardActivation(f, S(l, rows), Z(l, rows), ds);
            if (update && FusesStep)
            {
                DenseLayer.BackwardDataAndStep(ds, LayerInput(l, rows), weights[l], _mlp.Bias(l),
                    l > 0 ? Ds(l - 1, rows) : default, rows, StepParameters(l, rows), _biasGradients?[l], _biasVelocity?[l]);
                continue;
            }
            // The data gradient uses W before its update, so it comes first.
            if (l > 0) DenseLayer.BackwardData(ds, weights[l], Ds(l - 1, rows), rows);
            if (!update) continue;
            ReadOnlySpan<float> x = LayerInput(l, rows);
            if (_weightGradients is null)
                DenseLayer.WeightGradient(ds, x, -lr / rows, 1f - lr * Options.WeightDecay, weights[l], _mlp.Bias(l), rows);
            else
                DenseLayer.WeightGradient(ds, x, 1f / rows, 0f, _weightGradients[l], _biasGradients![l], rows);
        }
    }

    /// <summary>
    /// Whether a step that needs no whole-gradient pass (no clipping) gives each layer its data gradient and its
    /// update in one pass over W (<see cref="DenseLayer.BackwardDataAndStep"/>, issue 13 §1); false keeps the two
    /// passes, for the benchmark (docs/BENCHMARKS.md "Fused backward step"). Bit-identical either way.
    /// </summary>
    internal bool FusedBackwardStep { get; init; } = true;

    // Clipping scales or clamps by the whole gradient, so no weight may move before all of it is known.
    private bool FusesStep => FusedBackwardStep && Options.ClipGlobalNorm is null && Options.ClipValue is null;

    // The fused step's update of layer l: in place for plain SGD (with weight decay, β = 1 − ελ), else the batch-mean
    // gradient into the layer's gradient rows and torch.optim.SGD's momentum step on them (ApplyGradients' rule).
    private FusedStepParameters StepParameters(int l, int rows)
    {
        float lr = _learningRate, wd = Options.WeightDecay;
        if (_weightVelocity is null) return new(FusedStepRule.InPlace, -lr / rows, 1f - lr * wd);
        return new(Options.Nesterov ? FusedStepRule.Nesterov : FusedStepRule.Momentum, 1f / rows, 0f,
            _weightGradients![l], _weightVelocity[l], lr, Options.Momentum, wd);
    }

    /// <summary>
    /// Forward pass and loss only (no update) on a data set of any length: inputs (n × inputs), labels (n), taken in
    /// batches of at most <see cref="BatchSize"/> rows. Returns the mean loss over the n examples and counts the
    /// correct predictions. Overwrites s and z (and the output layer's dL/ds) with those of the last batch.
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
    /// Forward, softmax-NLL and backward on a batch without touching any parameter: afterwards
    /// <see cref="PreActivations"/>, <see cref="Outputs"/>, <see cref="PreActivationGradients"/> hold this batch's
    /// s, z and per-example dL/ds of every layer, and <see cref="WeightGradient"/> / <see cref="BiasGradient"/>
    /// give its dL/dW and dL/db. inputs: (rows × inputs); labels: (rows), 1 ≤ rows ≤ <see cref="BatchSize"/>.
    /// Returns the batch-mean loss (which may be non-finite; nothing is thrown). Used by the probes, which must
    /// observe the network without training it; <see cref="StepCount"/> is unchanged.
    /// </summary>
    public double ComputeGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        using var threads = UseThreads();
        double loss = ForwardLoss(inputs, labels, out _);
        // The same pass as Step without the updates, so these dL/ds equal bit for bit those Step computes.
        Backward(Rows, _mlp.PackedWeightsForUpdate(), update: false);
        return loss;
    }

    /// <summary>
    /// Compute threads for this trainer: 0 (the default) inherits <see cref="Compute.Threads"/> (an enclosing
    /// <see cref="Compute.Use"/> scope, else <see cref="Compute.DefaultThreads"/>), else 1 … <see cref="Compute.MaxThreads"/>.
    /// Trainers on different threads each get their own workers. Results are bit-identical whatever the count.
    /// </summary>
    public int Threads
    {
        get => _threads;
        set => _threads = value is >= 0 and <= Compute.MaxThreads ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Threads must be 0 (the default) or 1 to {Compute.MaxThreads}.");
    }

    private int _threads;

    // 0 leaves whatever thread count is in force (an enclosing scope, or the process default).
    private Compute.Scope UseThreads() => Compute.Use(_threads == 0 ? Compute.Threads : _threads);

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
        var weights = _mlp.PackedWeightsForUpdate();
        for (int l = 0; l < _mlp.LayerCount; l++)
            DenseLayer.Forward(LayerInput(l, rows), weights[l], _mlp.Bias(l), _mlp.LayerActivation(l), S(l, rows), Z(l, rows), rows);
        return Z(_mlp.LayerCount - 1, rows);
    }

    /// <summary>The inputs of the last batch: (rows × inputs).</summary>
    public ReadOnlySpan<float> Inputs => _buffers.AsSpan(0, Rows * _mlp.Widths[0]);

    /// <summary>s = z_prev·Wᵀ + b of layer <paramref name="layer"/> in the last batch: (rows × out).</summary>
    public ReadOnlySpan<float> PreActivations(int layer) => S(layer, Rows);

    /// <summary>z = f(s) of layer <paramref name="layer"/> in the last batch: (rows × out); the logits for the last layer.</summary>
    public ReadOnlySpan<float> Outputs(int layer) => Z(layer, Rows);

    /// <summary>
    /// Per-example ∂(−log P(y_b|x_b))/∂s_b of layer <paramref name="layer"/> in the last step: (rows × out).
    /// </summary>
    public ReadOnlySpan<float> PreActivationGradients(int layer) => Ds(layer, Rows);

    /// <summary>
    /// dL/dW of layer <paramref name="layer"/> for the last step's batch-mean loss (before clipping and weight
    /// decay): (out × in) = (1/B)·dSᵀ·z_prev, recomputed from the stored dL/ds and layer input (one GEMM).
    /// </summary>
    public void WeightGradient(int layer, Span<float> destination)
    {
        int fanIn = _mlp.FanIn(layer), fanOut = _mlp.FanOut(layer);
        if (destination.Length != fanIn * fanOut)
            throw new ArgumentException($"Layer {layer}'s weight gradient has {fanOut}×{fanIn} values.", nameof(destination));
        RequireBatch();
        using var threads = UseThreads();
        Gemm.Multiply(true, false, fanOut, fanIn, Rows, 1f / Rows, Ds(layer, Rows), fanOut,
            LayerInput(layer, Rows), fanIn, 0f, destination, fanIn);
    }

    /// <summary>dL/db of layer <paramref name="layer"/>: (out) = (1/B)·Σ_b dL/ds_b.</summary>
    public void BiasGradient(int layer, Span<float> destination)
    {
        int fanOut = _mlp.FanOut(layer);
        if (destination.Length != fanOut)
            throw new ArgumentException($"Layer {layer}'s bias gradient has {fanOut} values.", nameof(destination));
        RequireBatch();
        SgdKernels.ColumnSums(Ds(layer, Rows), Rows, fanOut, 1f / Rows, 0f, destination);
    }

    private double ForwardLoss(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, out int correct)
    {
        int rows = labels.Length;
        var logits = Forward(inputs, rows);
        int last = _mlp.LayerCount - 1;
        double sum = SoftmaxCrossEntropy.LossAndGradient(logits, labels, _classes, Ds(last, rows), out correct);
        return sum / rows;
    }

    // Weight tensors are packed Wᵀ panels (zero padding included: its gradient is 0 and it stays 0), biases plain.
    private void ApplyGradients(PackedMatrix[] weights)
    {
        int layers = _mlp.LayerCount;
        if (Options.ClipValue is { } c)
            for (int l = 0; l < layers; l++)
            {
                SgdKernels.ClipByValue(PackedWeights.Storage(_weightGradients![l]), c);
                SgdKernels.ClipByValue(_biasGradients![l], c);
            }
        if (Options.ClipGlobalNorm is { } maxNorm)
        {
            double sumOfSquares = 0;
            for (int l = 0; l < layers; l++)
            {
                double w = SgdKernels.Norm(PackedWeights.Storage(_weightGradients![l])), b = SgdKernels.Norm(_biasGradients![l]);
                sumOfSquares += w * w + b * b;
            }
            double norm = Math.Sqrt(sumOfSquares);
            if (!double.IsFinite(norm))
                throw new TrainingDivergedException(StepCount, -1, $"the gradient norm is {norm}");
            double coefficient = maxNorm / (norm + 1e-6);
            if (coefficient < 1)
                for (int l = 0; l < layers; l++)
                {
                    TensorPrimitives.Multiply(PackedWeights.Storage(_weightGradients![l]), (float)coefficient, PackedWeights.Storage(_weightGradients[l]));
                    TensorPrimitives.Multiply(_biasGradients![l], (float)coefficient, _biasGradients[l]);
                }
        }
        float lr = _learningRate, mu = Options.Momentum, wd = Options.WeightDecay;
        for (int l = 0; l < layers; l++)
        {
            var w = PackedWeights.Storage(weights[l]);
            var gw = PackedWeights.Storage(_weightGradients![l]);
            if (_weightVelocity is not null && Options.Nesterov)
            {
                SgdKernels.NesterovStep(w, gw, PackedWeights.Storage(_weightVelocity[l]), lr, mu, wd);
                SgdKernels.NesterovStep(_mlp.Bias(l), _biasGradients![l], _biasVelocity![l], lr, mu, wd);
            }
            else if (_weightVelocity is not null)
            {
                SgdKernels.MomentumStep(w, gw, PackedWeights.Storage(_weightVelocity[l]), lr, mu, wd);
                SgdKernels.MomentumStep(_mlp.Bias(l), _biasGradients![l], _biasVelocity![l], lr, mu, wd);
            }
            else
            {
                SgdKernels.Step(w, gw, lr, 1f - lr * wd);
                SgdKernels.Step(_mlp.Bias(l), _biasGradients![l], lr, 1f - lr * wd);
            }
        }
    }

    private TrainingDivergedException Diverged(double loss)
    {
        for (int l = 0; l < _mlp.LayerCount; l++)
        {
            if (!Kernels.FiniteCheck.All(S(l, Rows)))
                return new TrainingDivergedException(StepCount, l, $"layer {l}'s pre-activations s are not finite (loss {loss})");
            if (!Kernels.FiniteCheck.All(Z(l, Rows)))
                return new TrainingDivergedException(StepCount, l, $"layer {l}'s activations z are not finite (loss {loss})");
        }
        return new TrainingDivergedException(StepCount, -1, $"the loss is {loss} with finite logits");
    }

    private void RequireBatch()
    {
        if (Rows == 0) throw new InvalidOperationException("No batch has been seen yet; call Step first.");
    }

    private ReadOnlySpan<float> LayerInput(int layer, int rows) =>
        layer == 0 ? _buffers.AsSpan(0, rows * _mlp.Widths[0]) : Z(layer - 1, rows);

    private Span<float> S(int layer, int rows) => _buffers.AsSpan(_sOffsets[layer], rows * _mlp.FanOut(layer));

    private Span<float> Z(int layer, int rows) =>
        _buffers.AsSpan(_sOffsets[layer] + BatchSize * _mlp.FanOut(layer), rows * _mlp.FanOut(layer));

    private Span<float> Ds(int layer, int rows) =>
        _buffers.AsSpan(_sOffsets[layer] + 2 * BatchSize * _mlp.FanOut(layer), rows * _mlp.FanOut(layer));

}
