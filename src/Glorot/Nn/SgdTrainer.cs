using System.Numerics.Tensors;
using Glorot.Kernels;

namespace Glorot.Nn;

/// <summary>
/// Trains an <see cref="Mlp"/> with minibatch SGD on softmax + negative log-likelihood: the update on top of a
/// <see cref="NetworkPass"/> (<see cref="Pass"/>), which owns the per-batch buffers and runs forward and backward, and
/// afterwards holds what every layer saw in the last step for the probes.
/// <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/> allocates nothing.
/// </summary>
/// <remarks>
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
    private readonly PackedMatrix[]? _weightGradients; // dL/dWᵀ per layer, packed like Wᵀ; only when not fused
    private readonly float[][]? _biasGradients;
    private readonly PackedMatrix[]? _weightVelocity;  // momentum buffers, only when μ > 0
    private readonly float[][]? _biasVelocity;

    /// <summary>A trainer for batches of up to <paramref name="batchSize"/> examples.</summary>
    public SgdTrainer(Mlp mlp, SgdOptions options, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(mlp);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Pass = new NetworkPass(mlp, batchSize);
        _mlp = mlp;
        Options = options;
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

    /// <summary>
    /// The forward and backward passes this trainer runs, and what every layer saw in the last step (s, z, dL/ds,
    /// dL/dW on demand).
    /// </summary>
    public NetworkPass Pass { get; }

    /// <summary>The network being trained.</summary>
    public Mlp Model => _mlp;

    /// <summary>The optimizer settings.</summary>
    public SgdOptions Options { get; }

    /// <summary>The largest batch <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/> accepts.</summary>
    public int BatchSize => Pass.BatchSize;

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
    /// <see cref="Mlp.CopyWeight(int, Span{float})"/>) and <paramref name="bias"/> (out); torch.optim.SGD's state["momentum_buffer"].
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

    /// <summary>
    /// One SGD step on a batch: forward, softmax-NLL, backward, update. inputs: (rows × inputs) row-major;
    /// labels: (rows), 1 ≤ rows ≤ <see cref="BatchSize"/>. Returns the batch-mean loss before the update.
    /// Throws <see cref="TrainingDivergedException"/> (parameters untouched) when the loss is not finite.
    /// </summary>
    public double Step(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels) => Step(inputs, labels, out _);

    /// <summary>As <see cref="Step(ReadOnlySpan{float}, ReadOnlySpan{int})"/>, also counting correct predictions (before the update).</summary>
    public double Step(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, out int correct)
    {
        using var threads = Pass.UseThreads();
        double loss = Pass.ForwardLoss(inputs, labels, out correct);
        if (!double.IsFinite(loss)) throw Diverged(loss);
        _learningRate = Options.LearningRateAt(StepCount);
        BackwardAndUpdate();
        if (_weightGradients is not null && !FusesStep) ApplyGradients();
        StepCount++;
        return loss;
    }

    /// <summary>
    /// The pass's back-propagation (<see cref="NetworkPass.Backward"/>) with each layer's weight gradient right after
    /// its data gradient: fused into W (plain SGD) or into the gradient buffers (momentum, clipping).
    /// </summary>
    private void BackwardAndUpdate()
    {
        int rows = Pass.Rows;
        float lr = _learningRate;
        for (int l = _mlp.LayerCount - 1; l >= 0; l--)
        {
            Pass.BackwardActivation(l);
            if (FusesStep)
            {
                DenseLayer.BackwardDataAndStep(Pass.Ds(l), Pass.LayerInput(l), _mlp.PackedWeight(l), _mlp.BiasForUpdate(l),
                    l > 0 ? Pass.Ds(l - 1) : default, rows, StepParameters(l, rows), _biasGradients?[l], _biasVelocity?[l]);
                continue;
            }
            // The data gradient uses W before its update, so it comes first.
            if (l > 0) Pass.BackwardData(l);
            ReadOnlySpan<float> ds = Pass.Ds(l), x = Pass.LayerInput(l);
            if (_weightGradients is null)
                DenseLayer.WeightGradient(ds, x, -lr / rows, 1f - lr * Options.WeightDecay, _mlp.PackedWeight(l), _mlp.BiasForUpdate(l), rows);
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

    /// <summary>Compute threads of this trainer's pass (<see cref="NetworkPass.Threads"/>).</summary>
    public int Threads
    {
        get => Pass.Threads;
        set => Pass.Threads = value;
    }

    // Weight tensors are packed Wᵀ panels (zero padding included: its gradient is 0 and it stays 0), biases plain.
    private void ApplyGradients()
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
            var w = PackedWeights.Storage(_mlp.PackedWeight(l));
            var gw = PackedWeights.Storage(_weightGradients![l]);
            if (_weightVelocity is not null && Options.Nesterov)
            {
                SgdKernels.NesterovStep(w, gw, PackedWeights.Storage(_weightVelocity[l]), lr, mu, wd);
                SgdKernels.NesterovStep(_mlp.BiasForUpdate(l), _biasGradients![l], _biasVelocity![l], lr, mu, wd);
            }
            else if (_weightVelocity is not null)
            {
                SgdKernels.MomentumStep(w, gw, PackedWeights.Storage(_weightVelocity[l]), lr, mu, wd);
                SgdKernels.MomentumStep(_mlp.BiasForUpdate(l), _biasGradients![l], _biasVelocity![l], lr, mu, wd);
            }
            else
            {
                SgdKernels.Step(w, gw, lr, 1f - lr * wd);
                SgdKernels.Step(_mlp.BiasForUpdate(l), _biasGradients![l], lr, 1f - lr * wd);
            }
        }
    }

    private TrainingDivergedException Diverged(double loss)
    {
        if (Pass.FirstNonFiniteLayer() is not { } l)
            return new TrainingDivergedException(StepCount, -1, $"the loss is {loss} with finite logits");
        string what = FiniteCheck.All(Pass.PreActivations(l)) ? "activations z" : "pre-activations s";
        return new TrainingDivergedException(StepCount, l, $"dense layer {l} (0-based)'s {what} are not finite (loss {loss})");
    }
}
