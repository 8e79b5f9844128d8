using Glorot.Kernels;
using Glorot.Nn;

namespace Glorot.Lab.Probing;

/// <summary>What a probe measured in one hidden layer.</summary>
public enum ProbeQuantity
{
    /// <summary>z = f(s), the hidden layer's output (paper Figs. 2–4, 6).</summary>
    Activation,

    /// <summary>Per-example ∂(−log P(y|x))/∂s, the back-propagated gradient (Fig. 7).</summary>
    BackpropGradient,

    /// <summary>∂L/∂W of the weights into the layer, L the mean loss of one training-size minibatch (Figs. 8, 9).</summary>
    WeightGradient,
}

/// <summary>One layer's summary of one quantity at one probe time; <see cref="Layer"/> counts hidden layers from 1.</summary>
public sealed record ProbeRecord(long Step, int Layer, ProbeQuantity Quantity, ValueSummary Summary);

/// <summary>
/// Looks inside every hidden layer of a network on a fixed probe set without changing the network: the weights are
/// copied into a scratch network of the same shape, which runs one forward and backward pass over the whole probe
/// set (so s, z and per-example dL/ds are those of the current weights), and whose update is thrown away.
/// Weight gradients are those of minibatches of the training batch size (consecutive slices of the probe set),
/// pooled, so their scale is the one SGD sees (Fig. 8, 9).
/// </summary>
internal sealed class LayerProbe
{
    private readonly Mlp _scratch;
    private readonly SgdTrainer _trainer;
    private readonly float[] _inputs;
    private readonly int[] _labels;
    private readonly int _trainingBatch;
    private readonly int _bins;
    private readonly Activation _activation;

    /// <summary>inputs: (examples × inputs) of the fixed probe set, labels: (examples).</summary>
    public LayerProbe(Mlp shape, float[] inputs, int[] labels, int trainingBatch, int bins)
    {
        _scratch = new Mlp(shape.Widths, shape.HiddenActivation);
        // The scratch update is discarded; any positive rate passes validation.
        _trainer = new SgdTrainer(_scratch, new SgdOptions { LearningRate = 1e-30f }, labels.Length);
        _inputs = inputs;
        _labels = labels;
        _trainingBatch = Math.Min(trainingBatch, labels.Length);
        _bins = bins;
        _activation = shape.HiddenActivation;
    }

    /// <summary>Threads for the probe's GEMMs (0 = process default).</summary>
    public int Threads { get => _trainer.Threads; set => _trainer.Threads = value; }

    /// <summary>Probes <paramref name="mlp"/> (unchanged) and returns one record per hidden layer and quantity.</summary>
    public List<ProbeRecord> Run(Mlp mlp, long step)
    {
        mlp.ReadOnlyParameters.CopyTo(_scratch.Parameters);
        _trainer.Step(_inputs, _labels);
        var records = new List<ProbeRecord>();
        int rows = _labels.Length;
        for (int l = 0; l < mlp.LayerCount - 1; l++)
        {
            int layer = l + 1;
            var z = _trainer.Outputs(l);
            var activations = new ValueSummarizer(z.Length);
            activations.Add(z);
            var (low, high) = ActivationRange();
            records.Add(new(step, layer, ProbeQuantity.Activation, activations.Summarize(_bins, low, high)));

            var ds = _trainer.PreActivationGradients(l);
            var backprop = new ValueSummarizer(ds.Length);
            backprop.Add(ds);
            records.Add(new(step, layer, ProbeQuantity.BackpropGradient, backprop.Summarize(_bins)));

            records.Add(new(step, layer, ProbeQuantity.WeightGradient, WeightGradients(l, rows).Summarize(_bins)));
        }
        return records;
    }

    // dL/dW = (1/b)·dS[r0:r0+b]ᵀ·z_prev[r0:r0+b], (fanOut × fanIn), for each whole minibatch of the probe set.
    private ValueSummarizer WeightGradients(int l, int rows)
    {
        int fanIn = _scratch.FanIn(l), fanOut = _scratch.FanOut(l), b = _trainingBatch;
        int batches = rows / b;
        var dW = new float[fanIn * fanOut];
        var summary = new ValueSummarizer((long)batches * dW.Length);
        var ds = _trainer.PreActivationGradients(l);
        var x = l == 0 ? _trainer.Inputs : _trainer.Outputs(l - 1);
        using var threads = Gemm.Use(threads: Threads == 0 ? null : Threads);
        for (int k = 0; k < batches; k++)
        {
            Gemm.Multiply(true, false, fanOut, fanIn, b, 1f / b, ds.Slice(k * b * fanOut, b * fanOut), fanOut,
                x.Slice(k * b * fanIn, b * fanIn), fanIn, 0f, dW, fanIn);
            summary.Add(dW);
        }
        return summary;
    }

    private (double?, double?) ActivationRange() => _activation.Kind switch
    {
        ActivationKind.Sigmoid => (0.0, 1.0),
        ActivationKind.Tanh or ActivationKind.Softsign => (-1.0, 1.0),
        _ => (null, null),
    };
}
